package dev.marquee.results.experiment.statistics;

import static dev.marquee.results.experiment.statistics.ReferenceCases.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.marquee.results.experiment.statistics.ReferenceCases.Row;

class HolmCorrectionTest {

    static Stream<Row> references() {
        return ReferenceCases.read("holm.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesTheReferenceStepDown(Row row) {
        List<Double> adjusted = HolmCorrection.adjust(row.numbers("pValues"));
        List<Double> expected = row.numbers("adjusted");
        assertEquals(expected.size(), adjusted.size());
        for (int i = 0; i < expected.size(); i++) {
            assertMatches(expected.get(i), adjusted.get(i), row + " #" + i);
        }
    }

    @ParameterizedTest
    @MethodSource("references")
    void adjustedValuesKeepTheOrderOfTheRawOnesAndNeverShrink(Row row) {
        List<Double> raw = row.numbers("pValues");
        List<Double> adjusted = HolmCorrection.adjust(raw);
        for (int i = 0; i < raw.size(); i++) {
            assertTrue(adjusted.get(i) >= raw.get(i) && adjusted.get(i) <= 1);
            for (int j = 0; j < raw.size(); j++) {
                if (raw.get(i) <= raw.get(j)) {
                    assertTrue(adjusted.get(i) <= adjusted.get(j), row.toString());
                }
            }
        }
    }

    @Test
    void handWorkedExample() {
        // sorted 0.005, 0.01, 0.03, 0.04 times 4, 3, 2, 1 → 0.02, 0.03, 0.06, 0.04 → running maximum 0.06 for the last
        assertEquals(List.of(0.03, 0.06, 0.06, 0.02), HolmCorrection.adjust(List.of(0.01, 0.04, 0.03, 0.005)).stream()
                .map(p -> Math.round(p * 1e12) / 1e12).toList());
    }

    @Test
    void oneComparisonIsLeftAlone() {
        assertEquals(List.of(0.034), HolmCorrection.adjust(List.of(0.034)));
    }
}
