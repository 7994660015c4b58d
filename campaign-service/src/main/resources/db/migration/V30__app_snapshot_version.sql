-- The number of the app's last published snapshot (AppEvent.version), incremented under the app's row lock.
alter table app add column snapshot_version bigint not null default 0;
