-- Segment definitions: the source of truth Redis membership is derived from (rebuilt by backfill).
create table segment_definition (
    id          varchar(64)   primary key,
    app_id      varchar(64)   not null,
    name        varchar(200)  not null,
    description varchar(1000),
    kind        varchar(16)   not null,
    rules       text,
    version     bigint        not null,
    status      varchar(16)   not null,
    progress    integer       not null,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);

create index segment_definition_app on segment_definition (app_id, created_at);
