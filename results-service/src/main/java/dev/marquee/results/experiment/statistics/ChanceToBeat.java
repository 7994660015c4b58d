package dev.marquee.results.experiment.statistics;

/**
 * Bayesian chance to beat: P(p_B > p_A) for independent posteriors p ~ Beta(1 + conversions, 1 + non-conversions)
 * (uniform priors), computed exactly.
 */
public final class ChanceToBeat {

    /** Beyond the peak, a term this small against the running sum ends the sum (the rest are smaller still). */
    private static final double NEGLIGIBLE = 1e-30;
    /** A power of two, so rescaling by it is exact. */
    private static final double RESCALE = 0x1p600;
    private static final double LOG_RESCALE = 600 * Math.log(2);

    private ChanceToBeat() {
    }

    /** P(p_B > p_A) with p_A ~ Beta(1 + xA, 1 + nA − xA), p_B ~ Beta(1 + xB, 1 + nB − xB). */
    public static double probabilityBBeatsA(long nA, long xA, long nB, long xB) {
        if (nA < 0 || nB < 0 || xA < 0 || xB < 0 || xA > nA || xB > nB) {
            throw new IllegalArgumentException("need 0 ≤ conversions ≤ users, got " + xA + "/" + nA + ", " + xB + "/"
                    + nB);
        }
        return probabilityGreater(1 + xB, 1 + nB - xB, 1 + xA, 1 + nA - xA);
    }

    /**
     * P(X > Y) for X ~ Beta(aX, bX), Y ~ Beta(aY, bY) with positive integer shapes. Evan Miller's closed form
     * ("Formulas for Bayesian A/B testing", 2015) sums aX terms; by P(X > Y) = 1 − P(Y > X) and by
     * X > Y ⇔ 1 − Y > 1 − X (which swaps each pair of shapes) the same sum can run over aY, bY or bX instead, so the
     * shortest of the four is used.
     */
    static double probabilityGreater(long aX, long bX, long aY, long bY) {
        if (aX < 1 || bX < 1 || aY < 1 || bY < 1) {
            throw new IllegalArgumentException("Beta shapes must be positive integers");
        }
        long shortest = Math.min(Math.min(aX, bX), Math.min(aY, bY));
        if (shortest == aX) {
            return millerSum(aX, bX, aY, bY);
        }
        if (shortest == bY) {
            return millerSum(bY, aY, bX, aX);
        }
        if (shortest == aY) {
            return 1 - millerSum(aY, bY, aX, bX);
        }
        return 1 - millerSum(bX, aX, bY, aY);
    }

    /**
     * Σ_{i=0}^{aX−1} B(aY + i, bX + bY) / ((bX + i) B(1 + i, bX) B(aY, bY)). Term i+1 over term i is
     * (aY + i)(bX + i) / ((aY + bY + bX + i)(1 + i)), so only the first term needs log-beta; the rest are one
     * multiplication each, in a double rescaled by 2⁶⁰⁰ whenever it grows large. That ratio crosses 1 once, so the terms rise to a
     * single peak and then fall, and the sum stops when they no longer matter.
     */
    private static double millerSum(long aX, long bX, long aY, long bY) {
        // term 0 = B(aY, bX + bY) / (bX · B(1, bX) · B(aY, bY)) = B(aY, bX + bY) / B(aY, bY), since B(1, b) = 1/b
        double logFirst = Beta.logBeta(aY, bX + bY) - Beta.logBeta(aY, bY);
        double s = aY + bY + bX;
        double term = 1;
        double sum = 0;
        // counted, not accumulated: adding ln 2⁶⁰⁰ thousands of times to a log of millions would lose 1e-8
        long rescalings = 0;
        for (long i = 0; i < aX; i++) {
            sum += term;
            double ratio = ((aY + i) / (s + i)) * ((bX + i) / (1.0 + i));
            term *= ratio;
            if (term > RESCALE) {
                term /= RESCALE;
                sum /= RESCALE;
                rescalings++;
            } else if (ratio < 1 && term < sum * NEGLIGIBLE) {
                break;
            }
        }
        double logSum = rescalings * LOG_RESCALE + Math.log(sum);
        return Math.min(1, Math.max(0, Math.exp(logFirst + logSum)));
    }
}
