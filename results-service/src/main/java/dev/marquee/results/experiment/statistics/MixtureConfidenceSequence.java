package dev.marquee.results.experiment.statistics;

/**
 * The anytime-valid (always-valid) interval for a difference whose estimate is approximately normal with variance
 * V = se²: the normal-mixture sequential probability ratio test of Johari, Pekelis and Walsh ("Always valid
 * inference", Operations Research 70(3), 2022), whose confidence sequence is the normal-mixture boundary of Howard,
 * Ramdas, McAuliffe and Sekhon (Annals of Statistics 49(2), 2021: the two-sided normal mixture).
 * <p>
 * Mixing the alternative θ ~ N(θ₀, τ²) gives the likelihood ratio
 * Λ(θ₀) = √(V/(V+τ²)) · exp(τ²(θ̂ − θ₀)² / (2V(V+τ²))); rejecting θ₀ when Λ ≥ 1/α is an α-level test at every sample
 * size at once, so the interval {θ₀ : Λ(θ₀) &lt; 1/α} is
 * θ̂ ± √(V · (V+τ²)/τ² · (2 ln(1/α) + ln((V+τ²)/V))) and the always-valid p-value is min(1, 1/Λ(0)).
 * <p>
 * Mixing variance: τ² = ρ²·s² with s² = N·V the per-user variance of the estimate (N users in the two arms), and
 * ρ² = (2 ln(1/α) + ln(1 + 2 ln(1/α))) / N*, which makes the boundary tightest near N = N* users (Waudby-Smith et al.,
 * "Time-uniform central limit theory and asymptotic confidence sequences", arXiv:2103.06476, eq. 9 and the ρ that
 * makes the width smallest at N*; GrowthBook uses the same). Then V/τ² = 1/(Nρ²), so the half-width is se · √((1 + 1/(Nρ²)) (2 ln(1/α) + ln(1 + Nρ²))): a multiplier
 * of se that depends only on N.
 */
public record MixtureConfidenceSequence(double alpha, long tuningUsers) {

    public MixtureConfidenceSequence {
        if (!(alpha > 0 && alpha < 1) || tuningUsers < 1) {
            throw new IllegalArgumentException("need alpha in (0, 1) and tuningUsers ≥ 1");
        }
    }

    /** ρ²: the mixing variance per unit of per-user variance. */
    public double mixingPrecisionSquared() {
        double twoLogInverseAlpha = -2 * Math.log(alpha);
        return (twoLogInverseAlpha + Math.log1p(twoLogInverseAlpha)) / tuningUsers;
    }

    /** What the standard error is multiplied by for the half-width at N users (≥ the fixed-horizon z). */
    public double multiplier(long users) {
        double nRho2 = users * mixingPrecisionSquared();
        return Math.sqrt((1 + 1 / nRho2) * (-2 * Math.log(alpha) + Math.log1p(nRho2)));
    }

    public Interval interval(double estimate, double standardError, long users) {
        return Interval.around(estimate, multiplier(users) * standardError);
    }

    /** min(1, 1/Λ(0)); an estimate with zero standard error is 1 when it is 0 and 0 otherwise. */
    public double pValue(double estimate, double standardError, long users) {
        if (standardError == 0) {
            return estimate == 0 ? 1 : 0;
        }
        double r = 1 / (users * mixingPrecisionSquared());
        double z = estimate / standardError;
        double logLikelihoodRatio = 0.5 * Math.log(r / (1 + r)) + z * z / (2 * (1 + r));
        return Math.min(1, Math.exp(-logLikelihoodRatio));
    }
}
