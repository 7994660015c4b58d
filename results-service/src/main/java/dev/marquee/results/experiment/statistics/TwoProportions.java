package dev.marquee.results.experiment.statistics;

import java.util.Optional;

/**
 * Conversion rate of a variant B against a baseline A: the pooled two-proportion z-test, the Wald interval of the
 * difference and the delta-method interval of the relative lift, all fixed-horizon.
 */
public final class TwoProportions {

    private TwoProportions() {
    }

    /**
     * @param rateA conversion rate xA/nA of the baseline
     * @param rateB conversion rate xB/nB of the variant
     * @param standardError unpooled standard error of rateB − rateA, √(pA(1−pA)/nA + pB(1−pB)/nB): what the intervals
     *        (fixed and anytime-valid) are built on
     * @param z pooled z statistic (pB − pA) / √(p(1−p)(1/nA + 1/nB)), p = (xA + xB)/(nA + nB); 0 when p is 0 or 1
     * @param pValue two-sided p-value of z; 1 when every user (or none) in both arms converted
     * @param difference pB − pA with its Wald interval pB − pA ± z₁₋α/₂ · standardError
     * @param relativeLift pB/pA − 1 with its delta-method interval; empty when pA = 0
     * @param relativeStandardError delta-method standard error of pB/pA (NaN when pA = 0)
     */
    public record Comparison(double rateA, double rateB, double standardError, double z, double pValue,
            Interval difference, Optional<Interval> relativeLift, double relativeStandardError) {
    }

    public static Comparison compare(long nA, long xA, long nB, long xB, double alpha) {
        check(nA, xA);
        check(nB, xB);
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
        double pA = (double) xA / nA;
        double pB = (double) xB / nB;
        double varianceA = pA * (1 - pA) / nA;
        double varianceB = pB * (1 - pB) / nB;
        double standardError = Math.sqrt(varianceA + varianceB);

        double pooled = (double) (xA + xB) / (nA + nB);
        double pooledSe = Math.sqrt(pooled * (1 - pooled) * (1.0 / nA + 1.0 / nB));
        double z = pooledSe == 0 ? 0 : (pB - pA) / pooledSe;
        double pValue = pooledSe == 0 ? 1 : NormalDistribution.twoSidedPValue(z);

        double critical = NormalDistribution.quantile(1 - alpha / 2);
        Interval difference = Interval.around(pB - pA, critical * standardError);

        Optional<Interval> relative = Optional.empty();
        double relativeSe = Double.NaN;
        if (pA > 0) {
            // Var(pB/pA) ≈ Var(pB)/pA² + pB²·Var(pA)/pA⁴; this form has no 1/pB, so pB = 0 is fine
            relativeSe = Math.sqrt(varianceB / (pA * pA) + pB * pB * varianceA / (pA * pA * pA * pA));
            relative = Optional.of(Interval.around(pB / pA - 1, critical * relativeSe));
        }
        return new Comparison(pA, pB, standardError, z, pValue, difference, relative, relativeSe);
    }

    private static void check(long n, long x) {
        if (n <= 0 || x < 0 || x > n) {
            throw new IllegalArgumentException("need 0 ≤ conversions ≤ users and users > 0, got " + x + " of " + n);
        }
    }
}
