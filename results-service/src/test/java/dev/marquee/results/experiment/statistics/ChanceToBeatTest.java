package dev.marquee.results.experiment.statistics;

import static dev.marquee.results.experiment.statistics.ReferenceCases.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.marquee.results.experiment.statistics.ReferenceCases.Row;

class ChanceToBeatTest {

    static Stream<Row> references() {
        return ReferenceCases.read("chance_to_beat.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("references")
    void matchesNumericalIntegrationUpToTenMillionUsers(Row row) {
        double p = ChanceToBeat.probabilityBBeatsA(row.count("nA"), row.count("xA"), row.count("nB"),
                row.count("xB"));
        assertMatches(row.number("expected"), p, row);
    }

    @ParameterizedTest
    @MethodSource("references")
    void swappingTheArmsGivesTheComplement(Row row) {
        double forward = ChanceToBeat.probabilityBBeatsA(row.count("nA"), row.count("xA"), row.count("nB"),
                row.count("xB"));
        double backward = ChanceToBeat.probabilityBBeatsA(row.count("nB"), row.count("xB"), row.count("nA"),
                row.count("xA"));
        assertEquals(1, forward + backward, 1e-9, row.toString());
    }

    @Test
    void identicalArmsAreACoinFlip() {
        assertEquals(0.5, ChanceToBeat.probabilityBBeatsA(1000, 100, 1000, 100), 1e-12);
        assertEquals(0.5, ChanceToBeat.probabilityBBeatsA(0, 0, 0, 0), 1e-12);
    }

    @Test
    void smallCountsMatchTheHandDerivedValue() {
        // hand-derived: A ~ Beta(1, 2), B ~ Beta(2, 1) (one user each, B converted, A did not):
        // P(B > A) = ∫₀¹ 2x · (1 − (1 − x)²) dx = ∫ 4x² − 2x³ dx = 4/3 − 1/2 = 5/6
        assertEquals(5.0 / 6, ChanceToBeat.probabilityBBeatsA(1, 0, 1, 1), 1e-15);
    }

    @Test
    void tenMillionUsersPerArmTakeMillisecondsNotMinutes() {
        long start = System.nanoTime();
        double p = ChanceToBeat.probabilityBBeatsA(10_000_000, 5_000_000, 10_000_000, 5_001_000);
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertTrue(p > 0.5 && p < 1, "p=" + p);
        assertTrue(millis < 3000, millis + " ms (about 40 ms warm here; the bound only catches a blow-up)");
    }
}
