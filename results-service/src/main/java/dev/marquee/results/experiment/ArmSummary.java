package dev.marquee.results.experiment;

import java.util.OptionalDouble;

/**
 * @param expectedShare weight / Σ weights
 * @param observedShare exposed users / all exposed users (0 while nobody is exposed)
 * @param conversionRate converted / exposed; empty while nobody is exposed
 * @param revenuePerUser revenue / exposed users; empty while nobody is exposed
 */
public record ArmSummary(String id, double expectedShare, double observedShare, long exposedUsers,
        long convertedUsers, OptionalDouble conversionRate, OptionalDouble revenuePerUser) {
}
