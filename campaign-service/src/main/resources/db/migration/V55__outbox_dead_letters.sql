-- Poison outbox rows (issue 18 item 9). A row that Kafka refuses for its own reason (too large, not serializable) is
-- counted in attempts; after marquee.campaign.outbox.max-attempts such passes it moves to outbox_dead_letter, with the
-- reason, and the rows after it are published. Outages are never counted (the rows wait).
alter table outbox add column attempts integer not null default 0;
alter table outbox add column last_error text;

create table outbox_dead_letter (
    id         bigint       primary key, -- the outbox row's id: the event's place in commit order
    topic      varchar(100) not null,
    event_key  varchar(200) not null,
    payload    text         not null,
    created_at timestamptz  not null,
    attempts   integer      not null,
    reason     text         not null,
    dead_at    timestamptz  not null
);
create index outbox_dead_letter_key on outbox_dead_letter (event_key);
