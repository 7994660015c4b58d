create table app (
    id         varchar(36)  primary key,
    name       varchar(200) not null,
    created_at timestamptz  not null
);

-- Secrets are never stored: hash is the hex SHA-256 of an SDK key or admin token (both 190-bit random).
create table app_credential (
    id         varchar(36)  primary key,
    app_id     varchar(36)  not null references app (id),
    kind       varchar(20)  not null,
    name       varchar(200) not null,
    role       varchar(20),
    hash       varchar(64)  not null unique,
    created_at timestamptz  not null,
    revoked_at timestamptz
);
create index app_credential_app on app_credential (app_id);

create table campaign (
    id         varchar(36)  primary key,
    app_id     varchar(36)  not null references app (id),
    name       varchar(200) not null,
    state      varchar(20)  not null,
    version    bigint       not null,
    triggers   text         not null,
    message    text         not null,
    created_at timestamptz  not null,
    updated_at timestamptz  not null
);
create index campaign_app on campaign (app_id, created_at);

-- triggers and message hold JSON (Hibernate Reactive cannot read jsonb arrays), written by JsonColumn converters.

-- Transactional outbox: written in the same transaction as the change, relayed to Kafka, deleted after the ack.
create table outbox (
    id         bigserial    primary key,
    topic      varchar(100) not null,
    event_key  varchar(200) not null,
    payload    text         not null,
    created_at timestamptz  not null
);
