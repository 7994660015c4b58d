-- The segments each app has, as segment-service announces them on segment.definitions.v1: what a campaign may
-- target. A deleted segment stays as a row with deleted = true, so an older announcement cannot bring it back.
create table known_segment (
    app_id varchar(128) not null,
    segment_id varchar(128) not null,
    version bigint not null,
    deleted boolean not null,
    updated_at timestamptz not null,
    primary key (app_id, segment_id)
);
