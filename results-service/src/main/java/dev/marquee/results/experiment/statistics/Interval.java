package dev.marquee.results.experiment.statistics;

/** A point estimate with a two-sided interval around it. */
public record Interval(double estimate, double lower, double upper) {

    public Interval {
        if (!(lower <= estimate && estimate <= upper)) {
            throw new IllegalArgumentException("interval must hold its estimate: [" + lower + ", " + upper + "] ∌ "
                    + estimate);
        }
    }

    static Interval around(double estimate, double halfWidth) {
        return new Interval(estimate, estimate - halfWidth, estimate + halfWidth);
    }

    /** True when the whole interval lies on one side of zero. */
    public boolean excludesZero() {
        return lower > 0 || upper < 0;
    }
}
