package dev.marquee.results.experiment;

import dev.marquee.results.experiment.statistics.Interval;

/**
 * Revenue per exposed user of a variant against the baseline, by Welch's t-test (fixed-horizon).
 *
 * @param difference variant mean − baseline mean with its t interval
 * @param pValueHolm pValue after Holm's correction over all variants
 */
public record RevenueLift(double baselineMean, double variantMean, Interval difference, double t,
        double degreesOfFreedom, double pValue, double pValueHolm) {
}
