package dev.marquee.results.experiment;

/**
 * The sample-ratio check over all arms (control included).
 *
 * @param mismatch pValue below the threshold (0.001 by default): assignment or exposure logging is broken
 */
public record SampleRatio(double chiSquared, int degreesOfFreedom, double pValue, boolean mismatch) {
}
