package dev.marquee.results.report.repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.results.report.ReportRange;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;

/** What a report reads: hourly counters and the cohort's uniques per arm, and both per button. */
@ApplicationScoped
public class ReportQueries {

    private static final String COUNTERS = """
            select arm, sum(impressions), sum(clicks), sum(dismissals), sum(conversions), sum(control_exposures),
                sum(survey_answers)
            from results.arm_hour where app_id = $1 and campaign_id = $2 and hour >= $3 and hour < $4
            group by arm
            """;

    private static final String COHORT = """
            select arm, count(*), count(clicked_at), count(dismissed_at), count(converted_at),
                coalesce(sum(revenue), 0), coalesce(sum(revenue * revenue), 0)
            from results.arm_user
            where app_id = $1 and campaign_id = $2 and exposed_at >= $3 and exposed_at < $4
            group by arm
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

    public record ButtonKey(String arm, String buttonId) {
    }

    /** Everything of one campaign and range, keyed by arm ({@code ""} for the control group). */
    public record Figures(Map<String, Counters> counters, Map<String, Cohort> cohorts,
            Map<ButtonKey, Long> buttonClicks, Map<ButtonKey, Long> buttonClickers) {
    }

    /** Reads the four in one transaction (repeatable read), so they describe the same moment of ingest. */
    public Uni<Figures> figures(String appId, String campaignId, ReportRange range) {
        Tuple parameters = Tuple.of(appId, campaignId, OffsetDateTime.ofInstant(range.from(), ZoneOffset.UTC),
                OffsetDateTime.ofInstant(range.to(), ZoneOffset.UTC));
        return pool.withTransaction(connection -> connection
                .query("set transaction isolation level repeatable read, read only").execute()
                .chain(() -> connection.preparedQuery(COUNTERS).execute(parameters))
                .map(rows -> {
                    Map<String, Counters> counters = new HashMap<>();
                    for (Row row : rows) {
                        counters.put(row.getString(0), new Counters(row.getLong(1), row.getLong(2), row.getLong(3),
                                row.getLong(4), row.getLong(5), row.getLong(6)));
                    }
                    return counters;
                })
                .chain(counters -> connection.preparedQuery(COHORT).execute(parameters).map(rows -> {
                    Map<String, Cohort> cohorts = new HashMap<>();
                    for (Row row : rows) {
                        cohorts.put(row.getString(0), new Cohort(row.getLong(1), row.getLong(2), row.getLong(3),
                                row.getLong(4), row.getBigDecimal(5), row.getBigDecimal(6)));
                    }
                    return new Figures(counters, cohorts, Map.of(), Map.of());
                }))
                .chain(figures -> connection.preparedQuery(BUTTON_CLICKS).execute(parameters).map(rows -> {
                    Map<ButtonKey, Long> clicks = new HashMap<>();
                    for (Row row : rows) {
                        clicks.put(new ButtonKey(row.getString(0), row.getString(1)), row.getLong(2));
                    }
                    return new Figures(figures.counters(), figures.cohorts(), clicks, Map.of());
                }))
                .chain(figures -> connection.preparedQuery(BUTTON_CLICKERS).execute(parameters).map(rows -> {
                    Map<ButtonKey, Long> clickers = new HashMap<>();
                    for (Row row : rows) {
                        clickers.put(new ButtonKey(row.getString(0), row.getString(1)), row.getLong(2));
                    }
                    return new Figures(figures.counters(), figures.cohorts(), figures.buttonClicks(), clickers);
                })));
    }

}
