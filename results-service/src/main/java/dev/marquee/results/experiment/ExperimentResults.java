package dev.marquee.results.experiment;

import java.util.List;

/**
 * The statistics of one experiment: every arm's numbers, the sample-ratio check over all arms, and each variant
 * compared with the baseline (the control group, or variant A when there is none).
 */
public record ExperimentResults(String baselineArmId, boolean baselineIsControl, List<ArmSummary> arms,
        SampleRatio sampleRatio, List<VariantComparison> comparisons) {

    public ExperimentResults {
        arms = List.copyOf(arms);
        comparisons = List.copyOf(comparisons);
    }
}
