package dev.marquee.results.experiment.statistics;

/** The standard normal distribution. */
public final class NormalDistribution {

    private NormalDistribution() {
    }

    /** Φ(z). Through erfc(|z|/√2) = Q(½, z²/2), so the far tails keep their relative accuracy. */
    public static double cdf(double z) {
        if (Double.isNaN(z)) {
            throw new IllegalArgumentException("z is NaN");
        }
        double tail = 0.5 * Gamma.upperRegularized(0.5, 0.5 * z * z);
        return z < 0 ? tail : 1 - tail;
    }

    /** 1 − Φ(z), accurate when tiny. */
    public static double survival(double z) {
        return cdf(-z);
    }

    /** P(|Z| ≥ |z|). */
    public static double twoSidedPValue(double z) {
        return Math.min(1, 2 * survival(Math.abs(z)));
    }

    /** Φ⁻¹(p) by Wichura's algorithm AS 241 (PPND16, Appl. Statist. 37, 1988), about 1e-16 relative. */
    public static double quantile(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        if (p == 0) {
            return Double.NEGATIVE_INFINITY;
        }
        if (p == 1) {
            return Double.POSITIVE_INFINITY;
        }
        double q = p - 0.5;
        if (Math.abs(q) <= 0.425) {
            double r = 0.180625 - q * q;
            return q * (((((((2509.0809287301226727 * r + 33430.575583588128105) * r + 67265.770927008700853) * r
                    + 45921.953931549871457) * r + 13731.693765509461125) * r + 1971.5909503065514427) * r
                    + 133.14166789178437745) * r + 3.3871328727963666080)
                    / (((((((5226.4952788528545610 * r + 28729.085735721942674) * r + 39307.895800092710610) * r
                            + 21213.794301586595867) * r + 5394.1960214247511077) * r + 687.18700749205790830) * r
                            + 42.313330701600911252) * r + 1);
        }
        double r = Math.sqrt(-Math.log(q < 0 ? p : 1 - p));
        double value;
        if (r <= 5) {
            r -= 1.6;
            value = (((((((7.74545014278341407640e-4 * r + 2.27238449892691845833e-2) * r
                    + 2.41780725177450611770e-1) * r + 1.27045825245236838258) * r + 3.64784832476320460504) * r
                    + 5.76949722146069140550) * r + 4.63033784615654529590) * r + 1.42343711074968357734)
                    / (((((((1.05075007164441684324e-9 * r + 5.47593808499534494600e-4) * r
                            + 1.51986665636164571966e-2) * r + 1.48103976427480074590e-1) * r
                            + 6.89767334985100004550e-1) * r + 1.67638483018380384940) * r
                            + 2.05319162663775882187) * r + 1);
        } else {
            r -= 5;
            value = (((((((2.01033439929228813265e-7 * r + 2.71155556874348757815e-5) * r
                    + 1.24266094738807843860e-3) * r + 2.65321895265761230930e-2) * r + 2.96560571828504891230e-1) * r
                    + 1.78482653991729133580) * r + 5.46378491116411436990) * r + 6.65790464350110377720)
                    / (((((((2.04426310338993978564e-15 * r + 1.42151175831644588870e-7) * r
                            + 1.84631831751005468180e-5) * r + 7.86869131145613259100e-4) * r
                            + 1.48753612908506148525e-2) * r + 1.36929880922735805310e-1) * r
                            + 5.99832206555887937690e-1) * r + 1);
        }
        return q < 0 ? -value : value;
    }
}
