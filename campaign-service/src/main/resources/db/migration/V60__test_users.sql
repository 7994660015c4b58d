-- An app's named test users (settings testUsers), who may be sent any campaign, drafts included; one per line (user
-- ids hold no control characters), none by default.
alter table app_settings add column test_users text not null default '';
