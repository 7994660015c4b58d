package dev.marquee.results.experiment;

/**
 * @param alpha 1 − confidence of every interval and the significance level (0.05: 95 %)
 * @param minimumUsersPerArm below this many exposed users in either compared arm there is no verdict
 * @param sampleRatioThreshold the sample-ratio check flags a mismatch below this p-value
 * @param sequentialTuningUsers N*: users (both compared arms together) at which the anytime-valid interval is
 *        tightest
 */
public record AnalysisSettings(double alpha, long minimumUsersPerArm, double sampleRatioThreshold,
        long sequentialTuningUsers) {

    public static final AnalysisSettings DEFAULT = new AnalysisSettings(0.05, 100, 0.001, 10_000);

    public AnalysisSettings {
        if (!(alpha > 0 && alpha < 1) || minimumUsersPerArm < 2 || !(sampleRatioThreshold > 0
                && sampleRatioThreshold < 1) || sequentialTuningUsers < 1) {
            throw new IllegalArgumentException("need alpha and the threshold in (0, 1), at least 2 users per arm and "
                    + "a positive tuning size");
        }
    }
}
