-- Workspace-wide frequency rules, one row per app.
create table app_settings (
    app_id                 varchar(36) primary key references app (id),
    max_per_session        integer     not null,
    max_per_day            integer     not null,
    min_seconds_between    integer     not null,
    updated_at             timestamptz not null
);
insert into app_settings (app_id, max_per_session, max_per_day, min_seconds_between, updated_at)
    select id, 10, 10, 30, now() from app;
