-- Campaign definitions as campaign.events.v1 last announced them: which arms a report has, and whose app it is.
create table campaign (
    app_id          text        not null,
    campaign_id     text        not null,
    name            text        not null,
    version         bigint      not null,
    state           text        not null,
    -- [{"id": "A", "name": "...", "weight": 50}, ...] in the campaign's order (A first)
    variants        jsonb       not null,
    control_percent int         not null,
    -- goal event names, [] when the campaign measures no conversion
    goal_events     jsonb       not null,
    goal_window_days int,
    deleted         boolean     not null default false,
    updated_at      timestamptz not null,
    primary key (app_id, campaign_id)
);

-- One row per outcome ever ingested: the idempotency of ingest (a redelivered eventId conflicts and changes
-- nothing), and the raw material of a later export. Survey answers are kept here, not yet reported.
create table outcome (
    event_id    text        primary key,
    app_id      text        not null,
    campaign_id text        not null,
    -- the variant id, '' for the control group
    arm         text        not null,
    user_id     text        not null,
    type        text        not null,
    version     bigint      not null,
    occurred_at timestamptz not null,
    button_id   text,
    goal_event  text,
    answers     jsonb,
    platform    text,
    locale      text,
    app_version text,
    -- bounded (below 10^18, 6 decimals) so that the sums per arm, and their squares, stay finite as doubles in the
    -- statistics; a larger amount is refused by PostgreSQL and the outcome skipped as unstorable
    revenue     numeric(24, 6)
);
create index outcome_campaign on outcome (app_id, campaign_id, occurred_at);

-- Exact per-user uniques: one row per (campaign, arm, user), whatever the number of devices or impressions. The times
-- are the first of each kind; exposed_at is the first impression (a variant) or control exposure (the control), and
-- the exposed_* context is that exposure's (what a report splits the cohort by).
create table arm_user (
    app_id       text        not null,
    campaign_id  text        not null,
    arm          text        not null,
    user_id      text        not null,
    first_seen   timestamptz not null,
    exposed_at   timestamptz,
    clicked_at   timestamptz,
    dismissed_at timestamptz,
    converted_at timestamptz,
    revenue      numeric     not null default 0,
    exposed_version     bigint,
    exposed_platform    text,
    exposed_locale      text,
    exposed_app_version text,
    primary key (app_id, campaign_id, arm, user_id)
);
create index arm_user_exposed on arm_user (app_id, campaign_id, arm, exposed_at);

-- Unique clickers per button: one row per (campaign, arm, button, user).
create table arm_button_user (
    app_id      text        not null,
    campaign_id text        not null,
    arm         text        not null,
    button_id   text        not null,
    user_id     text        not null,
    clicked_at  timestamptz not null,
    primary key (app_id, campaign_id, arm, button_id, user_id)
);

-- Event counters per hour (UTC), arm and context (campaign version, platform, locale, app version; '' when unknown):
-- what a range sums, and splits group.
create table arm_hour (
    app_id            text        not null,
    campaign_id       text        not null,
    arm               text        not null,
    hour              timestamptz not null,
    version           bigint      not null,
    platform          text        not null,
    locale            text        not null,
    app_version       text        not null,
    impressions       bigint      not null default 0,
    clicks            bigint      not null default 0,
    dismissals        bigint      not null default 0,
    conversions       bigint      not null default 0,
    control_exposures bigint      not null default 0,
    survey_answers    bigint      not null default 0,
    revenue           numeric     not null default 0,
    primary key (app_id, campaign_id, arm, hour, version, platform, locale, app_version)
);

-- Clicks per button per hour and arm.
create table button_hour (
    app_id      text        not null,
    campaign_id text        not null,
    arm         text        not null,
    button_id   text        not null,
    hour        timestamptz not null,
    clicks      bigint      not null default 0,
    primary key (app_id, campaign_id, arm, button_id, hour)
);
