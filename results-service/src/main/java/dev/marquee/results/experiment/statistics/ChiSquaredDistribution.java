package dev.marquee.results.experiment.statistics;

/** The chi-squared distribution. */
public final class ChiSquaredDistribution {

    private ChiSquaredDistribution() {
    }

    /** P(X ≥ x) for k degrees of freedom: Q(k/2, x/2). */
    public static double survival(double x, double degreesOfFreedom) {
        if (!(degreesOfFreedom > 0) || Double.isNaN(x)) {
            throw new IllegalArgumentException("need df > 0 and x not NaN, got df=" + degreesOfFreedom + ", x=" + x);
        }
        return Gamma.upperRegularized(0.5 * degreesOfFreedom, 0.5 * x);
    }
}
