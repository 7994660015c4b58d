package dev.marquee.results.experiment.statistics;

import static dev.marquee.results.experiment.statistics.ReferenceCases.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.marquee.results.experiment.statistics.ReferenceCases.Row;

class WelchTTestTest {

    static Stream<Row> references() {
        return ReferenceCases.read("welch.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesScipysWelchTest(Row row) {
        boolean fromSums = row.text("input").equals("sums");
        SampleMoments a = moments(row, "A", fromSums);
        SampleMoments b = moments(row, "B", fromSums);
        var result = WelchTTest.compare(a, b, 0.05);
        assertMatches(row.number("t"), result.t(), row + " t");
        assertMatches(row.number("df"), result.degreesOfFreedom(), row + " df");
        assertMatches(row.number("pValue"), result.pValue(), row + " p");
        assertMatches(row.number("lower"), result.difference().lower(), row + " lower");
        assertMatches(row.number("upper"), result.difference().upper(), row + " upper");
    }

    private static SampleMoments moments(Row row, String arm, boolean fromSums) {
        long n = row.count("n" + arm);
        double first = row.number("sumOrMean" + arm);
        double second = row.number("sumSqOrVar" + arm);
        return fromSums ? SampleMoments.fromSums(n, first, second) : new SampleMoments(n, first, second);
    }

    @Test
    void varianceFromSumsIsTheUnbiasedSampleVariance() {
        // hand-derived: 1, 2, 3, 4, 5 has mean 3 and variance 10/4
        var m = SampleMoments.fromSums(5, 15, 55);
        assertEquals(3, m.mean(), 1e-15);
        assertEquals(2.5, m.variance(), 1e-15);
    }

    @Test
    void zeroVarianceInBothArmsWithEqualMeansIsNoEvidence() {
        var result = WelchTTest.compare(SampleMoments.fromSums(200, 0, 0), SampleMoments.fromSums(300, 0, 0), 0.05);
        assertEquals(1, result.pValue());
        assertEquals(new Interval(0, 0, 0), result.difference());
        assertEquals(498, result.degreesOfFreedom());
    }

    @Test
    void zeroVarianceInBothArmsWithDifferentMeansIsCertain() {
        var result = WelchTTest.compare(SampleMoments.fromSums(200, 2000, 20_000),
                SampleMoments.fromSums(300, 3600, 43_200), 0.05);
        assertEquals(0, result.pValue());
        assertEquals(2, result.difference().estimate(), 1e-12);
    }

    @Test
    void needsTwoUsersPerArm() {
        assertThrows(IllegalArgumentException.class,
                () -> WelchTTest.compare(new SampleMoments(1, 3, 0), new SampleMoments(10, 3, 1), 0.05));
    }
}
