-- When a campaign runs and how often a user may see it (JSON, written by JsonColumn converters).
alter table campaign add column schedule text not null
    default '{"startAt":null,"endAt":null,"window":null,"mode":"ALWAYS_ON"}';
alter table campaign add column frequency text not null
    default '{"lifetimeCap":null,"perSessionCap":null,"rolling":null,"reEligibleAfterDays":null,"priority":50,"critical":false}';
