-- Apps deleted in campaign-service (their DELETED event on app.events.v1): recorded before their data is erased, so an
-- erasure interrupted by a crash or an outage is finished by whichever instance claims it next.
create table deleted_app (
    app_id          varchar(64)  primary key,
    deleted_at      timestamptz  not null,
    -- the erasure starts a grace period after the deletion was recorded, once every instance stopped writing the app
    erase_after     timestamptz  not null,
    -- an instance erasing the app holds it until then; another instance takes it over after
    claimed_until   timestamptz,
    finished_at     timestamptz,
    erased_segments bigint       not null default 0,
    erased_members  bigint       not null default 0,
    erased_keys     bigint       not null default 0
);

create index deleted_app_pending on deleted_app (erase_after) where finished_at is null;
