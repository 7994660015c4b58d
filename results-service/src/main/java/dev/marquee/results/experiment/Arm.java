package dev.marquee.results.experiment;

/**
 * What is known about one arm of an experiment (a variant or the control group) at the moment of analysis.
 *
 * @param id the variant id as campaigns name it (the control group's id for the control)
 * @param weight the configured assignment weight; shares are weight / Σ weights
 * @param exposedUsers unique users who saw the variant (or, for the control, would have)
 * @param convertedUsers unique exposed users who converted within the goal's window
 * @param revenueSum revenue summed over the arm's converted users (non-converters count as 0)
 * @param revenueSumOfSquares Σ revenue² per user, for the variance of revenue per exposed user
 */
public record Arm(String id, double weight, long exposedUsers, long convertedUsers, double revenueSum,
        double revenueSumOfSquares) {

    public Arm {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("arm id is required");
        }
        if (!(weight > 0) || Double.isInfinite(weight)) {
            throw new IllegalArgumentException("arm " + id + ": weight must be finite and > 0, got " + weight);
        }
        if (exposedUsers < 0 || convertedUsers < 0 || convertedUsers > exposedUsers) {
            throw new IllegalArgumentException("arm " + id + ": need 0 ≤ converted ≤ exposed, got " + convertedUsers
                    + " of " + exposedUsers);
        }
        if (!Double.isFinite(revenueSum) || !(revenueSumOfSquares >= 0) || Double.isInfinite(revenueSumOfSquares)) {
            throw new IllegalArgumentException("arm " + id + ": revenue sums must be finite, squares ≥ 0");
        }
    }

    /** An arm without revenue. */
    public static Arm of(String id, double weight, long exposedUsers, long convertedUsers) {
        return new Arm(id, weight, exposedUsers, convertedUsers, 0, 0);
    }
}
