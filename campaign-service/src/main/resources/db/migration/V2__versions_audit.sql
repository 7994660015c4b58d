-- Every committed change of a campaign, as the full snapshot it had after the change.
create table campaign_version (
    id          bigserial    primary key,
    campaign_id varchar(36)  not null references campaign (id) on delete cascade,
    app_id      varchar(36)  not null,
    version     bigint       not null,
    snapshot    text         not null,
    principal   varchar(200) not null,
    created_at  timestamptz  not null,
    unique (campaign_id, version)
);

-- Who did what to which campaign; kept when a draft campaign is deleted.
create table audit_entry (
    id          bigserial    primary key,
    app_id      varchar(36)  not null,
    campaign_id varchar(36)  not null,
    action      varchar(20)  not null,
    version     bigint       not null,
    principal   varchar(200) not null,
    at          timestamptz  not null
);
create index audit_entry_campaign on audit_entry (app_id, campaign_id, id);

-- The message format, next to the JSON content, so that lists can filter on it.
alter table campaign add column format varchar(20);
update campaign set format = 'MODAL';
alter table campaign alter column format set not null;
create index campaign_app_state on campaign (app_id, state, created_at);
