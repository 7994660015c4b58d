package dev.marquee.results.experiment.statistics;

import static dev.marquee.results.experiment.statistics.ReferenceCases.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.marquee.results.experiment.statistics.ReferenceCases.Row;

class StudentTDistributionTest {

    static Stream<Row> references() {
        return ReferenceCases.read("student_t.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesScipyFromOneToTwentyMillionDegreesOfFreedom(Row row) {
        double x = row.number("x");
        double df = row.number("df");
        double actual = switch (row.text("function")) {
            case "cdf" -> StudentTDistribution.cdf(x, df);
            case "twoSided" -> StudentTDistribution.twoSidedPValue(x, df);
            case "quantile" -> StudentTDistribution.quantile(x, df);
            default -> throw new IllegalArgumentException(row.text("function"));
        };
        assertMatches(row.number("expected"), actual, row);
    }

    @Test
    void zeroIsTheMedianAndHasPValueOne() {
        assertEquals(0.5, StudentTDistribution.cdf(0, 5), 1e-15);
        assertEquals(1, StudentTDistribution.twoSidedPValue(0, 5), 1e-15);
        assertEquals(0, StudentTDistribution.quantile(0.5, 5));
    }

    @Test
    void approachesTheNormalWithManyDegreesOfFreedom() {
        assertEquals(NormalDistribution.quantile(0.975), StudentTDistribution.quantile(0.975, 1e12), 1e-9);
    }
}
