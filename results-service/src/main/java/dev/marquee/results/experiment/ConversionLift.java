package dev.marquee.results.experiment;

import java.util.Optional;

import dev.marquee.results.experiment.statistics.Interval;

/**
 * A variant's conversion rate against the baseline's. Differences are variant − baseline, as fractions
 * (0.021 = +2.1 percentage points); the relative lift is variant/baseline − 1.
 *
 * @param difference fixed-horizon Wald interval of the difference
 * @param differenceAnytimeValid the default interval: valid however often the report is looked at
 * @param relativeLift fixed-horizon delta-method interval; empty when the baseline rate is 0
 * @param relativeLiftAnytimeValid the delta-method standard error times the anytime-valid multiplier
 * @param z pooled two-proportion z statistic
 * @param pValue fixed-horizon two-sided p-value of z
 * @param pValueHolm pValue after Holm's correction over all variants (equal to it with one variant)
 * @param pValueAnytimeValid the mixture test's always-valid p-value
 * @param pValueAnytimeValidHolm pValueAnytimeValid after Holm's correction
 * @param significant pValueAnytimeValidHolm &lt; alpha; with one variant exactly when differenceAnytimeValid
 *        excludes 0
 */
public record ConversionLift(double baselineRate, double variantRate, Interval difference,
        Interval differenceAnytimeValid, Optional<Interval> relativeLift, Optional<Interval> relativeLiftAnytimeValid,
        double z, double pValue, double pValueHolm, double pValueAnytimeValid, double pValueAnytimeValidHolm,
        boolean significant) {
}
