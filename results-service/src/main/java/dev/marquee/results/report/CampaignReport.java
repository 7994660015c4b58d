package dev.marquee.results.report;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import dev.marquee.results.experiment.ExperimentResults;

/**
 * A campaign's results for a range, per arm (its variants in order, then the control group), with the experiment
 * statistics when there are at least two arms.
 *
 * @param from the start of the range, widened to the start of its UTC hour
 * @param to the end of the range (exclusive), widened to the end of its UTC hour
 * @param definitions what the numbers mean, in words
 * @param experiment empty (null) with a single arm: nothing to compare
 * @param split what {@code parts} split the range by, or null when no split was asked for
 * @param parts the arms' figures per part of the split (without buttons), in the order of their keys, the unknown
 *        part (key null) last; empty without a split
 */
public record CampaignReport(String appId, String campaignId, String name, long version, Instant from, Instant to,
        Definitions definitions, List<ArmReport> arms, ExperimentResults experiment, String baseline, String split,
        List<PartReport> parts) {

    /**
     * @param key the day ({@code 2026-05-01}), hour ({@code 2026-05-01T10:00:00Z}), campaign version, platform,
     *        locale or app version; null for outcomes that did not say
     */
    public record PartReport(String key, List<ArmReport> arms) {
    }

    /**
     * One arm.
     *
     * @param id the variant id, or {@code control} for the control group ({@code control} is then true)
     * @param exposures impressions of a variant, or control exposures of the control group, in the range
     * @param usersExposed unique users first exposed in the range: the arm's cohort
     * @param clickers unique users of the cohort who clicked (any button), by now
     * @param ctr clickers / usersExposed; null while nobody is exposed
     * @param convertedUsers unique users of the cohort who converted, by now
     * @param conversionRate convertedUsers / usersExposed; null while nobody is exposed
     * @param revenue revenue of the cohort's conversions that carried an amount, by now
     */
    public record ArmReport(String id, boolean control, int weight, long exposures, long impressions, long clicks,
            long dismissals, long conversions, long surveyAnswers, long usersExposed, long clickers,
            Double ctr, long dismissers, long convertedUsers, Double conversionRate, BigDecimal revenue,
            List<ButtonReport> buttons) {
    }

    /**
     * @param clicks clicks on the button in the range
     * @param clickers unique users of the arm's cohort who clicked it
     */
    public record ButtonReport(String buttonId, long clicks, long clickers) {
    }

    public record Definitions(String counters, String uniques, String ctr, String conversionRate, String baseline,
            String parts) {

        public static final Definitions CURRENT = new Definitions(
                "impressions, clicks, dismissals, conversions, survey answers and exposures count events in the"
                        + " range, by UTC hour",
                "an arm's cohort is the users first exposed to it (impression, or control exposure) in the range; a"
                        + " user counts once per arm however many devices or impressions; their clicks, dismissals"
                        + " and conversions count by now, whenever they happened",
                "unique clickers / unique exposed users of the cohort",
                "unique converted users / unique exposed users of the cohort",
                "the control group when the campaign has one, else the first variant (A)",
                "a split's event counters go by each outcome's own hour and context; its uniques by the hour and"
                        + " context of each user's first exposure, so a user is in one part only");
    }
}
