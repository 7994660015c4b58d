package dev.marquee.results.experiment.statistics;

/** Welch's unequal-variance t-test of the difference of means B − A, with Welch–Satterthwaite degrees of freedom. */
public final class WelchTTest {

    private WelchTTest() {
    }

    /**
     * @param difference meanB − meanA with its interval ± t₁₋α/₂,df · standardError
     * @param standardError √(varA/nA + varB/nB)
     * @param degreesOfFreedom (varA/nA + varB/nB)² / ((varA/nA)²/(nA−1) + (varB/nB)²/(nB−1)); when both variances are
     *        0 the formula is 0/0 and nA + nB − 2 is reported
     * @param pValue two-sided; when both variances are 0 it is 1 for equal means and 0 otherwise
     */
    public record Result(Interval difference, double standardError, double t, double degreesOfFreedom, double pValue) {
    }

    public static Result compare(SampleMoments a, SampleMoments b, double alpha) {
        if (a.n() < 2 || b.n() < 2) {
            throw new IllegalArgumentException("Welch's test needs at least 2 users per arm, got " + a.n() + " and "
                    + b.n());
        }
        double va = a.variance() / a.n();
        double vb = b.variance() / b.n();
        double standardError = Math.sqrt(va + vb);
        double difference = b.mean() - a.mean();
        if (standardError == 0) {
            double t = difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
            return new Result(new Interval(difference, difference, difference), 0, t, a.n() + b.n() - 2,
                    difference == 0 ? 1 : 0);
        }
        double df = (va + vb) * (va + vb) / (va * va / (a.n() - 1) + vb * vb / (b.n() - 1));
        double t = difference / standardError;
        double critical = StudentTDistribution.quantile(1 - alpha / 2, df);
        return new Result(Interval.around(difference, critical * standardError), standardError, t, df,
                StudentTDistribution.twoSidedPValue(t, df));
    }
}
