package dev.marquee.results.experiment.statistics;

import static dev.marquee.results.experiment.statistics.ReferenceCases.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.marquee.results.experiment.statistics.ReferenceCases.Row;

class NormalDistributionTest {

    static Stream<Row> references() {
        return ReferenceCases.read("normal.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesScipyIncludingTheFarTails(Row row) {
        double x = row.number("x");
        double actual = switch (row.text("function")) {
            case "cdf" -> NormalDistribution.cdf(x);
            case "survival" -> NormalDistribution.survival(x);
            case "quantile" -> NormalDistribution.quantile(x);
            default -> throw new IllegalArgumentException(row.text("function"));
        };
        assertMatches(row.number("expected"), actual, row);
    }

    @ParameterizedTest
    @ValueSource(doubles = {1e-15, 0.01, 0.2, 0.5, 0.77, 0.99})
    void quantileInvertsTheCdf(double p) {
        assertMatches(p, NormalDistribution.cdf(NormalDistribution.quantile(p)), p);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-1e-9, 1.5, Double.NaN})
    void rejectsProbabilitiesOutsideTheUnitInterval(double p) {
        assertThrows(IllegalArgumentException.class, () -> NormalDistribution.quantile(p));
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 1})
    void theEndsOfTheUnitIntervalAreInfinite(double p) {
        assertEquals(p == 0 ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY, NormalDistribution.quantile(p));
    }
}
