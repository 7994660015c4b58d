package dev.marquee.results.experiment.statistics;

/** Count, mean and unbiased sample variance of a per-user metric (revenue per exposed user). */
public record SampleMoments(long n, double mean, double variance) {

    public SampleMoments {
        if (n < 0 || !Double.isFinite(mean) || !(variance >= 0) || Double.isInfinite(variance)) {
            throw new IllegalArgumentException("need n ≥ 0, finite mean and variance ≥ 0, got n=" + n + ", mean="
                    + mean + ", variance=" + variance);
        }
    }

    /**
     * From Σx and Σx² over n users: variance = (Σx² − (Σx)²/n)/(n − 1), clamped at 0 (rounding can take an all-equal
     * sample a hair below). Users who never converted count as 0.
     */
    public static SampleMoments fromSums(long n, double sum, double sumOfSquares) {
        if (n == 0) {
            return new SampleMoments(0, 0, 0);
        }
        double mean = sum / n;
        double variance = n < 2 ? 0 : Math.max(0, (sumOfSquares - sum * mean) / (n - 1));
        return new SampleMoments(n, mean, variance);
    }
}
