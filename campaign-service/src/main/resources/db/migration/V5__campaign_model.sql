-- The complete campaign model: targeting, experiment variants (each with its own message) and goals.
-- A campaign saved before had one message: it becomes variant "A" of weight 100.
alter table campaign add column targeting text not null
    default '{"includeSegments":[],"excludeSegments":[],"platforms":[],"appVersions":null,"locales":[],"rolloutPercent":100}';
alter table campaign add column variants text;
update campaign set variants = '[{"id":"A","name":null,"weight":100,"message":' || message || '}]';
alter table campaign alter column variants set not null;
alter table campaign drop column message;
alter table campaign add column control_percent integer not null default 0;
alter table campaign add column goals text;

-- The schedule's instants as columns too, for the clock that starts and ends campaigns on time.
alter table campaign add column start_at timestamptz;
alter table campaign add column end_at timestamptz;
update campaign set start_at = (cast(schedule as jsonb) ->> 'startAt')::timestamptz,
                    end_at = (cast(schedule as jsonb) ->> 'endAt')::timestamptz;
create index campaign_due on campaign (state, start_at, end_at);
