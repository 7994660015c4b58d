package dev.marquee.results.ingest.repository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.delivery.DeliveryOutcome;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Writes outcomes and everything a report reads from them, in one statement per outcome: the outcome row is inserted
 * unless its {@code eventId} is already there, and only an inserted row feeds the per-user uniques, the per-button
 * uniques and the hourly counters (data-modifying CTEs read the {@code returning} of the insert). So a redelivered or
 * replayed outcome changes nothing, in the same batch or a year later.
 */
@ApplicationScoped
public class OutcomeTable {

    /** The arm of the control group; variant ids are never empty. */
    public static final String CONTROL_ARM = "";

    private static final String APPLY = """
            with inserted as (
                insert into results.outcome (event_id, app_id, campaign_id, arm, user_id, type, version, occurred_at,
                    button_id, goal_event, answers, platform, locale, app_version, revenue)
                values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::text::jsonb, $12, $13, $14, $15::text::numeric)
                on conflict (event_id) do nothing
                returning app_id, campaign_id, arm, user_id, type, version, occurred_at, button_id,
                    coalesce(revenue, 0) as revenue, date_trunc('hour', occurred_at, 'UTC') as hour, platform, locale,
                    app_version
            ), users as (
                insert into results.arm_user as a (app_id, campaign_id, arm, user_id, first_seen, exposed_at, clicked_at,
                    dismissed_at, converted_at, revenue, exposed_version, exposed_platform, exposed_locale,
                    exposed_app_version)
                select app_id, campaign_id, arm, user_id, occurred_at,
                    case when type in ('IMPRESSION', 'CONTROL_EXPOSURE') then occurred_at end,
                    case when type = 'CLICK' then occurred_at end,
                    case when type = 'DISMISS' then occurred_at end,
                    case when type = 'CONVERSION' then occurred_at end,
                    case when type = 'CONVERSION' then revenue else 0 end,
                    case when type in ('IMPRESSION', 'CONTROL_EXPOSURE') then version end,
                    case when type in ('IMPRESSION', 'CONTROL_EXPOSURE') then platform end,
                    case when type in ('IMPRESSION', 'CONTROL_EXPOSURE') then locale end,
                    case when type in ('IMPRESSION', 'CONTROL_EXPOSURE') then app_version end
                from inserted
                on conflict (app_id, campaign_id, arm, user_id) do update set
                    -- the context of the first exposure: taken when this one is earlier (compared before the update)
                    exposed_version = case when excluded.exposed_at < a.exposed_at or a.exposed_at is null
                        then excluded.exposed_version else a.exposed_version end,
                    exposed_platform = case when excluded.exposed_at < a.exposed_at or a.exposed_at is null
                        then excluded.exposed_platform else a.exposed_platform end,
                    exposed_locale = case when excluded.exposed_at < a.exposed_at or a.exposed_at is null
                        then excluded.exposed_locale else a.exposed_locale end,
                    exposed_app_version = case when excluded.exposed_at < a.exposed_at or a.exposed_at is null
                        then excluded.exposed_app_version else a.exposed_app_version end,
                    first_seen = least(a.first_seen, excluded.first_seen),
                    exposed_at = least(a.exposed_at, excluded.exposed_at),
                    clicked_at = least(a.clicked_at, excluded.clicked_at),
                    dismissed_at = least(a.dismissed_at, excluded.dismissed_at),
                    converted_at = least(a.converted_at, excluded.converted_at),
                    revenue = a.revenue + excluded.revenue
            ), hours as (
                insert into results.arm_hour as h (app_id, campaign_id, arm, hour, version, platform, locale, app_version,
                    impressions, clicks, dismissals, conversions, control_exposures, survey_answers, revenue)
                select app_id, campaign_id, arm, hour, version, coalesce(platform, ''), coalesce(locale, ''),
                    coalesce(app_version, ''), (type = 'IMPRESSION')::int, (type = 'CLICK')::int,
                    (type = 'DISMISS')::int, (type = 'CONVERSION')::int, (type = 'CONTROL_EXPOSURE')::int,
                    (type = 'SURVEY_ANSWER')::int, case when type = 'CONVERSION' then revenue else 0 end
                from inserted
                on conflict (app_id, campaign_id, arm, hour, version, platform, locale, app_version) do update set
                    impressions = h.impressions + excluded.impressions, clicks = h.clicks + excluded.clicks,
                    dismissals = h.dismissals + excluded.dismissals, conversions = h.conversions + excluded.conversions,
                    control_exposures = h.control_exposures + excluded.control_exposures,
                    survey_answers = h.survey_answers + excluded.survey_answers, revenue = h.revenue + excluded.revenue
            ), button_users as (
                insert into results.arm_button_user as b (app_id, campaign_id, arm, button_id, user_id, clicked_at)
                select app_id, campaign_id, arm, button_id, user_id, occurred_at
                from inserted where type = 'CLICK' and button_id is not null
                on conflict (app_id, campaign_id, arm, button_id, user_id) do update set
                    clicked_at = least(b.clicked_at, excluded.clicked_at)
            ), button_hours as (
                insert into results.button_hour as bh (app_id, campaign_id, arm, button_id, hour, clicks)
                select app_id, campaign_id, arm, button_id, hour, 1
                from inserted where type = 'CLICK' and button_id is not null
                on conflict (app_id, campaign_id, arm, button_id, hour) do update set clicks = bh.clicks + 1
            )
            select count(*) from inserted
            """;

    private final Pool pool;

    public OutcomeTable(Pool pool) {
        this.pool = pool;
    }

    /** Applies the outcomes in order, in one transaction: all of them are durable when this completes, or none. */
    public Uni<Void> apply(List<DeliveryOutcome> outcomes) {
        if (outcomes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Tuple> rows = outcomes.stream().map(OutcomeTable::row).toList();
        return pool.withTransaction(connection -> connection.preparedQuery(APPLY).executeBatch(rows))
                .replaceWithVoid();
    }

    /** Longest platform, locale or app version a report splits by; a longer or odd one is unknown. */
    static final int MAX_CONTEXT_LENGTH = 64;

    /**
     * A context value as reports split by it: {@code null} (unknown) when absent, empty, too long or holding control
     * characters. Not a reason to skip the outcome: its counts do not depend on its context.
     */
    static String context(String value) {
        if (value == null || value.isEmpty() || value.length() > MAX_CONTEXT_LENGTH) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                return null;
            }
        }
        return value;
    }

    public static String arm(DeliveryOutcome outcome) {
        return outcome.variantId() == null ? CONTROL_ARM : outcome.variantId();
    }

    private static Tuple row(DeliveryOutcome o) {
        String answers = o.answers() == null || o.answers().isEmpty() ? null : new JsonObject(o.answers()).encode();
        return Tuple.tuple(Arrays.asList(o.eventId(), o.appId(), o.campaignId(), arm(o), o.userId(), o.type().name(),
                o.version(), OffsetDateTime.ofInstant(o.occurredAt(), ZoneOffset.UTC), o.buttonId(), o.goalEvent(),
                answers, context(o.platform()), context(o.locale()), context(o.appVersion()),
                o.revenue() == null ? null : o.revenue().toPlainString()));
    }
}
