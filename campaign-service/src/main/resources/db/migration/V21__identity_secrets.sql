-- Secrets with which an app's backend signs its user ids (identity verification). Kept in clear, unlike SDK keys and
-- admin tokens: the gateway computes HMACs with them, so a hash would be useless. A replaced secret lives on until
-- expires_at (the overlap); a removed one gets revoked_at.
create table app_identity_secret (
    id         varchar(36)  primary key,
    app_id     varchar(36)  not null references app (id),
    secret     varchar(100) not null,
    created_at timestamptz  not null,
    expires_at timestamptz,
    revoked_at timestamptz
);
create index app_identity_secret_app on app_identity_secret (app_id);
