-- The schemes of an app's own deep links (comma-separated, each checked by the shared LinkPolicy); none by default.
alter table app_settings add column link_schemes varchar(400) not null default '';
