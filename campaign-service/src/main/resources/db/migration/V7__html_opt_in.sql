-- HTML messages are opt-in per app (marketer-authored HTML runs in the SDK's sandboxed frame).
alter table app_settings add column html_messages boolean not null default false;
