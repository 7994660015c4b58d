package dev.marquee.results.experiment.statistics;

import java.util.List;

/**
 * Sample-ratio mismatch: Pearson's chi-squared goodness of fit of the users exposed per arm against the shares the
 * configured weights promise. A tiny p-value means assignment or exposure logging is broken, not that a variant won.
 */
public final class SampleRatioMismatch {

    private SampleRatioMismatch() {
    }

    /** @param pValue 1 when no user is exposed yet (nothing to contradict the weights) */
    public record Result(double chiSquared, int degreesOfFreedom, double pValue) {
    }

    public static Result test(List<Long> observed, List<Double> weights) {
        if (observed.size() != weights.size() || observed.size() < 2) {
            throw new IllegalArgumentException("need one weight per arm and at least 2 arms");
        }
        double totalWeight = 0;
        long total = 0;
        for (int i = 0; i < observed.size(); i++) {
            double w = weights.get(i);
            if (!(w > 0) || Double.isInfinite(w) || observed.get(i) < 0) {
                throw new IllegalArgumentException("weights must be finite and > 0, counts ≥ 0");
            }
            totalWeight += w;
            total += observed.get(i);
        }
        int df = observed.size() - 1;
        if (total == 0) {
            return new Result(0, df, 1);
        }
        double statistic = 0;
        for (int i = 0; i < observed.size(); i++) {
            double expected = total * weights.get(i) / totalWeight;
            double deviation = observed.get(i) - expected;
            statistic += deviation * deviation / expected;
        }
        return new Result(statistic, df, ChiSquaredDistribution.survival(statistic, df));
    }
}
