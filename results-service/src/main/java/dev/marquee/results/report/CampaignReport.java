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
 */
public record CampaignReport(String appId, String campaignId, String name, long version, Instant from, Instant to,
        Definitions definitions, List<ArmReport> arms, ExperimentResults experiment, String baseline) {

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

    public record Definitions(String counters, String uniques, String ctr, String conversionRate, String baseline) {

        public static final Definitions CURRENT = new Definitions(
                "impressions, clicks, dismissals, conversions, survey answers and exposures count events in the"
                        + " range, by UTC hour",
                "an arm's cohort is the users first exposed to it (impression, or control exposure) in the range; a"
                        + " user counts once per arm however many devices or impressions; their clicks, dismissals"
                        + " and conversions count by now, whenever they happened",
                "unique clickers / unique exposed users of the cohort",
                "unique converted users / unique exposed users of the cohort",
                "the control group when the campaign has one, else the first variant (A)");
    }
}
