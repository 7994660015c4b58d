package dev.marquee.results.experiment.statistics;

import static dev.marquee.results.experiment.statistics.ReferenceCases.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.marquee.results.experiment.statistics.ReferenceCases.Row;

class MixtureConfidenceSequenceTest {

    static Stream<Row> references() {
        return ReferenceCases.read("mixture.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("references")
    void closedFormMatchesTheNumericallyIntegratedMixture(Row row) {
        var sequence = new MixtureConfidenceSequence(row.number("alpha"), row.count("tuningUsers"));
        double estimate = row.number("estimate");
        double se = row.number("se");
        long users = row.count("users");
        Interval interval = sequence.interval(estimate, se, users);
        assertMatches(row.number("lower"), interval.lower(), row + " lower");
        assertMatches(row.number("upper"), interval.upper(), row + " upper");
        assertMatches(row.number("pValue"), sequence.pValue(estimate, se, users), row + " p");
    }

    @ParameterizedTest
    @ValueSource(longs = {200, 1_000, 10_000, 100_000, 10_000_000})
    void isAlwaysWiderThanTheFixedHorizonInterval(long users) {
        double multiplier = new MixtureConfidenceSequence(0.05, 10_000).multiplier(users);
        assertTrue(multiplier > NormalDistribution.quantile(0.975), users + ": " + multiplier);
    }

    @Test
    void isTightestNearTheTuningSize() {
        var sequence = new MixtureConfidenceSequence(0.05, 10_000);
        double atTuning = sequence.multiplier(10_000);
        assertTrue(atTuning < sequence.multiplier(3_000) && atTuning < sequence.multiplier(30_000));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0.5, 1.9, 2.5, 2.9, 3.1, 4, 6})
    void pValueBelowAlphaExactlyWhenTheIntervalExcludesZero(double z) {
        var sequence = new MixtureConfidenceSequence(0.05, 10_000);
        double se = 0.01;
        boolean excludes = sequence.interval(z * se, se, 10_000).excludesZero();
        assertEquals(excludes, sequence.pValue(z * se, se, 10_000) < 0.05, "z=" + z);
    }

    /**
     * The reason the interval exists: A/A tests (no true difference) looked at every day for 30 days. Stopping at the
     * first day the fixed-horizon test says p &lt; 0.05 declares a winner far more often than 5 %; the anytime-valid
     * interval stays under 5 %.
     */
    @Test
    void dailyPeekingAtAnAaTestStaysUnderFivePercentFalsePositives() {
        var sequence = new MixtureConfidenceSequence(0.05, 10_000);
        var random = new SplittableRandom(20);
        int experiments = 400;
        int fixedFalsePositives = 0;
        int anytimeFalsePositives = 0;
        for (int e = 0; e < experiments; e++) {
            long n = 0;
            long xA = 0;
            long xB = 0;
            boolean fixedStopped = false;
            boolean anytimeStopped = false;
            for (int day = 0; day < 30; day++) {
                for (int u = 0; u < 200; u++) {
                    xA += random.nextDouble() < 0.1 ? 1 : 0;
                    xB += random.nextDouble() < 0.1 ? 1 : 0;
                }
                n += 200;
                var c = TwoProportions.compare(n, xA, n, xB, 0.05);
                fixedStopped |= c.pValue() < 0.05;
                anytimeStopped |= sequence.pValue(c.difference().estimate(), c.standardError(), 2 * n) < 0.05;
            }
            fixedFalsePositives += fixedStopped ? 1 : 0;
            anytimeFalsePositives += anytimeStopped ? 1 : 0;
        }
        double fixedRate = (double) fixedFalsePositives / experiments;
        double anytimeRate = (double) anytimeFalsePositives / experiments;
        assertTrue(fixedRate > 0.12, "peeking inflates the fixed-horizon test: " + fixedRate);
        assertTrue(anytimeRate <= 0.05, "anytime-valid: " + anytimeRate);
    }
}
