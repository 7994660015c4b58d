-- An app is deleted softly: its row stays (marked deleted_at) so that every API answers 404 for it, a repeated
-- delete is recognised, and its deletion can be followed; its data is erased in the background (app_deletion).
alter table app add column deleted_at timestamptz;

-- Who did what to an app itself (created, renamed, deleted); kept when the app's data is erased.
create table app_audit_entry (
    id        bigserial    primary key,
    app_id    varchar(36)  not null references app (id),
    action    varchar(20)  not null,
    principal varchar(200) not null,
    at        timestamptz  not null,
    changes   text
);
create index app_audit_entry_app on app_audit_entry (app_id, id);

-- The background erasure of a deleted app's rows, with what it erased so far.
create table app_deletion (
    app_id                  varchar(36)  primary key references app (id),
    requested_by            varchar(200) not null,
    requested_at            timestamptz  not null,
    state                   varchar(20)  not null,
    started_at              timestamptz,
    finished_at             timestamptz,
    erased_campaigns        bigint       not null default 0,
    erased_versions         bigint       not null default 0,
    erased_audit_entries    bigint       not null default 0,
    erased_credentials      bigint       not null default 0,
    erased_identity_secrets bigint       not null default 0,
    erased_settings         bigint       not null default 0
);
create index app_deletion_unfinished on app_deletion (requested_at) where state <> 'DONE';
