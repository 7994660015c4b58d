package dev.marquee.results.report.repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.results.report.ReportRange;
import dev.marquee.results.report.Split;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * What a report reads: hourly counters and each arm's cohort (users first exposed in the range) with their uniques,
 * per arm and per button, and the same per part of a split.
 */
@ApplicationScoped
public class ReportQueries {

    private static final String COUNTERS = """
            select arm, %s, sum(impressions), sum(clicks), sum(dismissals), sum(conversions), sum(control_exposures),
                sum(survey_answers)
            from results.arm_hour where app_id = $1 and campaign_id = $2 and hour >= $3 and hour < $4
            group by 1, 2
            """;

    private static final String COHORT = """
            select arm, %s, count(*), count(clicked_at), count(dismissed_at), count(converted_at),
                coalesce(sum(revenue), 0), coalesce(sum(revenue * revenue), 0)
            from results.arm_user
            where app_id = $1 and campaign_id = $2 and exposed_at >= $3 and exposed_at < $4
            group by 1, 2
            """;

    private static final String BUTTON_CLICKS = """
            select arm, button_id, sum(clicks)
            from results.button_hour where app_id = $1 and campaign_id = $2 and hour >= $3 and hour < $4
            group by arm, button_id
            """;

    private static final String BUTTON_CLICKERS = """
            select b.arm, b.button_id, count(*)
            from results.arm_button_user b join results.arm_user a
                on a.app_id = b.app_id and a.campaign_id = b.campaign_id and a.arm = b.arm and a.user_id = b.user_id
            where b.app_id = $1 and b.campaign_id = $2 and a.exposed_at >= $3 and a.exposed_at < $4
            group by b.arm, b.button_id
            """;

    /** The key of the whole range: one part. */
    private static final String WHOLE = "null::text";

    private final Pool pool;

    public ReportQueries(Pool pool) {
        this.pool = pool;
    }

    public record Counters(long impressions, long clicks, long dismissals, long conversions, long controlExposures,
            long surveyAnswers) {

        public static final Counters NONE = new Counters(0, 0, 0, 0, 0, 0);
    }

    /** @param revenueSquares Σ over the cohort's users of (their revenue)² */
    public record Cohort(long exposed, long clickers, long dismissers, long converted, BigDecimal revenue,
            BigDecimal revenueSquares) {

        public static final Cohort NONE = new Cohort(0, 0, 0, 0, BigDecimal.ZERO, BigDecimal.ZERO);
    }

    /** An arm ({@code ""} for the control group) and a part of a split ({@code null}: the whole range, or unknown). */
    public record PartKey(String arm, String part) {
    }

    public record ButtonKey(String arm, String buttonId) {
    }

    /** Counters and cohorts by arm and part; for the whole range, every part is {@code null}. */
    public record Parts(Map<PartKey, Counters> counters, Map<PartKey, Cohort> cohorts) {
    }

    /** Everything of one campaign and range; {@code split} is there when one was asked for. */
    public record Figures(Parts whole, Map<ButtonKey, Long> buttonClicks, Map<ButtonKey, Long> buttonClickers,
            Optional<Parts> split) {
    }

    /** Reads it all in one read-only, repeatable-read transaction, so it describes one moment of ingest. */
    public Uni<Figures> figures(String appId, String campaignId, ReportRange range, Optional<Split> split) {
        Tuple parameters = Tuple.of(appId, campaignId, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
        return pool.withTransaction(connection -> connection
                .query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> parts(connection, parameters, WHOLE, WHOLE))
                .chain(whole -> buttons(connection, BUTTON_CLICKS, parameters)
                        .chain(clicks -> buttons(connection, BUTTON_CLICKERS, parameters)
                                .chain(clickers -> split.isEmpty()
                                        ? Uni.createFrom().item(new Figures(whole, clicks, clickers, Optional.empty()))
                                        : parts(connection, parameters, split.get().counterKey(),
                                                split.get().cohortKey())
                                                .map(parts -> new Figures(whole, clicks, clickers,
                                                        Optional.of(parts)))))));
    }

    private static Uni<Parts> parts(SqlConnection connection, Tuple parameters, String counterKey, String cohortKey) {
        return connection.preparedQuery(COUNTERS.formatted(counterKey)).execute(parameters).map(rows -> {
            Map<PartKey, Counters> counters = new HashMap<>();
            for (Row row : rows) {
                counters.put(new PartKey(row.getString(0), row.getString(1)), new Counters(row.getLong(2),
                        row.getLong(3), row.getLong(4), row.getLong(5), row.getLong(6), row.getLong(7)));
            }
            return counters;
        }).chain(counters -> connection.preparedQuery(COHORT.formatted(cohortKey)).execute(parameters).map(rows -> {
            Map<PartKey, Cohort> cohorts = new HashMap<>();
            for (Row row : rows) {
                cohorts.put(new PartKey(row.getString(0), row.getString(1)), new Cohort(row.getLong(2),
                        row.getLong(3), row.getLong(4), row.getLong(5), row.getBigDecimal(6), row.getBigDecimal(7)));
            }
            return new Parts(counters, cohorts);
        }));
    }

    private static Uni<Map<ButtonKey, Long>> buttons(SqlConnection connection, String sql, Tuple parameters) {
        return connection.preparedQuery(sql).execute(parameters).map(rows -> {
            Map<ButtonKey, Long> counts = new HashMap<>();
            for (Row row : rows) {
                counts.put(new ButtonKey(row.getString(0), row.getString(1)), row.getLong(2));
            }
            return counts;
        });
    }
}
