package dev.marquee.results.experiment.statistics;

/**
 * The log-gamma function and the regularized incomplete gamma functions, for positive arguments: what the normal and
 * chi-squared distributions need.
 */
final class Gamma {

    static final double HALF_LOG_TWO_PI = 0.918938533204672741780329736406;
    /** Convergence tolerance of series and continued fractions: a few units in the last place. */
    static final double EPSILON = 5e-16;
    /** Keeps Lentz's continued fractions away from a division by zero. */
    static final double TINY = 1e-300;
    static final int MAX_ITERATIONS = 10_000_000;

    private Gamma() {
    }

    /** ln Γ(x), x > 0: Stirling's series from 10 up (error below 1e-17 there), the recurrence below. */
    static double logGamma(double x) {
        if (!(x > 0) || Double.isInfinite(x)) {
            throw new IllegalArgumentException("logGamma needs a finite x > 0, got " + x);
        }
        if (x >= 10) {
            return (x - 0.5) * Math.log(x) - x + HALF_LOG_TWO_PI + stirlingCorrection(x);
        }
        double logProduct = 0;
        double shifted = x;
        while (shifted < 10) {
            logProduct += Math.log(shifted);
            shifted += 1;
        }
        return logGamma(shifted) - logProduct;
    }

    /**
     * ln Γ(x) minus Stirling's approximation (x − ½) ln x − x + ½ ln 2π, for x ≥ 10: the asymptotic series
     * Σ B₂ₖ / (2k (2k − 1) x^(2k−1)) up to k = 8. Kept apart so that log-beta of large arguments never subtracts two
     * huge log-gammas.
     */
    static double stirlingCorrection(double x) {
        double z = 1 / (x * x);
        return (1.0 / 12 + z * (-1.0 / 360 + z * (1.0 / 1260 + z * (-1.0 / 1680
                + z * (1.0 / 1188 + z * (-691.0 / 360360 + z * (1.0 / 156 + z * (-3617.0 / 122400)))))))) / x;
    }

    /** Q(a, x) = Γ(a, x) / Γ(a), the upper tail; relative accuracy kept when it is tiny. */
    static double upperRegularized(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        if (x < a + 1) {
            return 1 - lowerSeries(a, x);
        }
        return upperContinuedFraction(a, x);
    }

    /** P(a, x) = γ(a, x) / Γ(a), the lower tail. */
    static double lowerRegularized(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        if (x < a + 1) {
            return lowerSeries(a, x);
        }
        return 1 - upperContinuedFraction(a, x);
    }

    private static double lowerSeries(double a, double x) {
        double term = 1 / a;
        double sum = term;
        for (int n = 1; n < MAX_ITERATIONS; n++) {
            term *= x / (a + n);
            sum += term;
            if (Math.abs(term) < Math.abs(sum) * EPSILON) {
                return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
            }
        }
        throw new ArithmeticException("incomplete gamma series did not converge for a=" + a + ", x=" + x);
    }

    /** Legendre's continued fraction for Γ(a, x), evaluated by the modified Lentz method (x ≥ a + 1). */
    private static double upperContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
            }
        }
        throw new ArithmeticException("incomplete gamma fraction did not converge for a=" + a + ", x=" + x);
    }
}
