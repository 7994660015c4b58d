package dev.marquee.results.experiment.statistics;

import static dev.marquee.results.experiment.statistics.ReferenceCases.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.marquee.results.experiment.statistics.ReferenceCases.Row;

class SampleRatioMismatchTest {

    static Stream<Row> references() {
        return ReferenceCases.read("sample_ratio.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("references")
    void chiSquaredGoodnessOfFitMatchesScipy(Row row) {
        List<Long> observed = row.numbers("observed").stream().map(Double::longValue).toList();
        var result = SampleRatioMismatch.test(observed, row.numbers("weights"));
        assertMatches(row.number("chiSquared"), result.chiSquared(), row + " chi2");
        assertEquals(row.count("df"), result.degreesOfFreedom());
        assertMatches(row.number("pValue"), result.pValue(), row + " p");
    }

    @Test
    void aFiftyFiftySplitOff53To47On10000UsersIsFlagged() {
        // hand-derived: expected 5000 each, χ² = 2 · 300² / 5000 = 36, P(χ²₁ ≥ 36) = erfc(√18) ≈ 1.97e-9
        var result = SampleRatioMismatch.test(List.of(5300L, 4700L), List.of(1.0, 1.0));
        assertEquals(36, result.chiSquared(), 1e-12);
        assertMatches(1.9731752900754024e-9, result.pValue(), "erfc(sqrt(18))");
    }

    @Test
    void nobodyExposedYetIsNoMismatch() {
        assertEquals(1, SampleRatioMismatch.test(List.of(0L, 0L, 0L), List.of(1.0, 1.0, 2.0)).pValue());
    }

    @Test
    void everyArmNeedsAPositiveWeight() {
        assertThrows(IllegalArgumentException.class, () -> SampleRatioMismatch.test(List.of(10L, 10L),
                List.of(1.0, 0.0)));
    }
}
