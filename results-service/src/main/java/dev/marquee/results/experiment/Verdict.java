package dev.marquee.results.experiment;

/** What a comparison means, as a category and in words a campaign owner can read. */
public record Verdict(Outcome outcome, String text) {

    public enum Outcome {
        /** fewer exposed users than the minimum in either arm */
        NOT_ENOUGH_DATA,
        /** the sample-ratio check failed: no conclusion can be trusted */
        SAMPLE_RATIO_MISMATCH,
        /** converts significantly better than the baseline (anytime-valid) */
        BETTER,
        /** converts significantly worse */
        WORSE,
        /** no significant difference yet */
        INCONCLUSIVE
    }
}
