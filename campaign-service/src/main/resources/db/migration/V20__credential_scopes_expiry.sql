-- SDK keys are scoped and bound to web origins and mobile bundle ids; a rotated credential stays valid until expires_at.
-- The three lists are space-separated text: none of their values can contain a space, and it keeps them readable in psql.
alter table app_credential add column scopes          text;
alter table app_credential add column allowed_origins text;
alter table app_credential add column bundle_ids      text;
alter table app_credential add column expires_at      timestamptz;
-- Existing SDK keys keep every capability they had.
update app_credential set scopes = 'READ TRACK', allowed_origins = '', bundle_ids = '' where kind = 'SDK_KEY';
