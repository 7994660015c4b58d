package dev.marquee.results.experiment.statistics;

import static dev.marquee.results.experiment.statistics.Gamma.EPSILON;
import static dev.marquee.results.experiment.statistics.Gamma.HALF_LOG_TWO_PI;
import static dev.marquee.results.experiment.statistics.Gamma.MAX_ITERATIONS;
import static dev.marquee.results.experiment.statistics.Gamma.TINY;
import static dev.marquee.results.experiment.statistics.Gamma.logGamma;
import static dev.marquee.results.experiment.statistics.Gamma.stirlingCorrection;

/** The log-beta function and the regularized incomplete beta function: what Student's t distribution needs. */
final class Beta {

    private Beta() {
    }

    /**
     * ln B(a, b). For large arguments the Stirling terms are combined before anything is subtracted (the way R's
     * {@code lbeta} does it), so ln B(10⁶, 9·10⁶) keeps about ten significant digits more than
     * lnΓ(a) + lnΓ(b) − lnΓ(a + b) would.
     */
    static double logBeta(double a, double b) {
        double p = Math.min(a, b);
        double q = Math.max(a, b);
        if (!(p > 0) || Double.isInfinite(q)) {
            throw new IllegalArgumentException("logBeta needs finite a, b > 0, got " + a + ", " + b);
        }
        if (p >= 10) {
            double correction = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
            return -0.5 * Math.log(q) + HALF_LOG_TWO_PI + correction + (p - 0.5) * Math.log(p / (p + q))
                    + q * Math.log1p(-p / (p + q));
        }
        if (q >= 10) {
            double correction = stirlingCorrection(q) - stirlingCorrection(p + q);
            return logGamma(p) + correction + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
        }
        return logGamma(p) + logGamma(q) - logGamma(p + q);
    }

    /**
     * I_x(a, b), given x and y = 1 − x separately: callers often know 1 − x more precisely than a subtraction would
     * give it (Student's t with many degrees of freedom has x within 1e-7 of 1).
     */
    static double regularized(double x, double y, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (y <= 0) {
            return 1;
        }
        // ln x from y when x is near 1 (and the other way round): a · ln x is then a huge number times a tiny one
        double logX = x > 0.5 ? Math.log1p(-y) : Math.log(x);
        double logY = y > 0.5 ? Math.log1p(-x) : Math.log(y);
        double logFront = a * logX + b * logY - logBeta(a, b);
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(logFront) * continuedFraction(x, a, b) / a;
        }
        return 1 - Math.exp(logFront) * continuedFraction(y, b, a) / b;
    }

    /** The continued fraction of I_x(a, b) (Numerical Recipes' betacf), by the modified Lentz method. */
    private static double continuedFraction(double x, double a, double b) {
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m < MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                return h;
            }
        }
        throw new ArithmeticException("incomplete beta fraction did not converge for x=" + x + ", a=" + a + ", b=" + b);
    }
}
