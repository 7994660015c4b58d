-- What each service reported of its erasure of a deleted app (app.erasures.v1): shown in the app's deletion progress.
create table app_erasure_report (
    app_id      varchar(64)  not null,
    service     varchar(64)  not null,
    state       varchar(16)  not null,
    erased      text         not null,
    finished_at timestamptz,
    occurred_at timestamptz  not null,
    primary key (app_id, service)
);
