package dev.marquee.contracts.campaign;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How often one user may see a campaign, and how it ranks against others. Null caps mean "no such cap".
 *
 * @param lifetimeCap at most this many impressions per user, ever
 * @param perSessionCap at most this many per session
 * @param rolling at most {@code count} within any window of {@code windowHours}
 * @param reEligibleAfterDays after an impression, the user qualifies again only after this many days
 * @param priority 1–100, higher wins arbitration
 * @param critical bypasses the workspace-wide caps (outage and payment-failure notices)
 */
@Schema(example = "{\"lifetimeCap\": 3, \"perSessionCap\": 1, \"rolling\": {\"count\": 2, \"windowHours\": 24}, \"reEligibleAfterDays\": 7, \"priority\": 80, \"critical\": false}")
public record Frequency(Integer lifetimeCap, Integer perSessionCap, RollingCap rolling, Integer reEligibleAfterDays,
        int priority, boolean critical) {

    public static final int DEFAULT_PRIORITY = 50;

    /** No caps, middle priority, not critical. */
    public static final Frequency DEFAULT = new Frequency(null, null, null, null, DEFAULT_PRIORITY, false);

    @Schema(example = "{\"count\": 2, \"windowHours\": 24}")
    public record RollingCap(int count, int windowHours) {
    }
}
