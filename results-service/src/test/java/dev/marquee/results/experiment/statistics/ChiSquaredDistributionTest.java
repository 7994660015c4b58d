package dev.marquee.results.experiment.statistics;

import static dev.marquee.results.experiment.statistics.ReferenceCases.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.marquee.results.experiment.statistics.ReferenceCases.Row;

class ChiSquaredDistributionTest {

    static Stream<Row> references() {
        return ReferenceCases.read("chi_squared.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("references")
    void survivalMatchesScipy(Row row) {
        assertMatches(row.number("expectedSurvival"),
                ChiSquaredDistribution.survival(row.number("x"), row.number("df")), row);
    }

    @Test
    void withTwoDegreesOfFreedomTheTailIsAnExponential() {
        // hand-derived: chi-squared(2) is Exponential(1/2), P(X ≥ x) = e^(−x/2)
        assertMatches(Math.exp(-7.5), ChiSquaredDistribution.survival(15, 2), "e^-7.5");
        assertEquals(1, ChiSquaredDistribution.survival(0, 3));
    }
}
