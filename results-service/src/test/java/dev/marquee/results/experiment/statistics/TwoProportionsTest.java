package dev.marquee.results.experiment.statistics;

import static dev.marquee.results.experiment.statistics.ReferenceCases.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.marquee.results.experiment.statistics.ReferenceCases.Row;

class TwoProportionsTest {

    static Stream<Row> references() {
        return ReferenceCases.read("two_proportions.csv").stream();
    }

    @ParameterizedTest
    @MethodSource("references")
    void pooledZTestAndIntervalsMatchTheReference(Row row) {
        var c = TwoProportions.compare(row.count("nA"), row.count("xA"), row.count("nB"), row.count("xB"), 0.05);
        assertMatches(row.number("rateA"), c.rateA(), row);
        assertMatches(row.number("rateB"), c.rateB(), row);
        assertMatches(row.number("z"), c.z(), row + " z");
        assertMatches(row.number("pValue"), c.pValue(), row + " p");
        assertMatches(row.number("se"), c.standardError(), row + " se");
        assertMatches(row.number("lower"), c.difference().lower(), row + " lower");
        assertMatches(row.number("upper"), c.difference().upper(), row + " upper");
        if (row.isEmpty("relative")) {
            assertEquals(Optional.empty(), c.relativeLift());
        } else {
            Interval relative = c.relativeLift().orElseThrow();
            assertMatches(row.number("relative"), relative.estimate(), row + " relative");
            assertMatches(row.number("relativeLower"), relative.lower(), row + " relative lower");
            assertMatches(row.number("relativeUpper"), relative.upper(), row + " relative upper");
        }
    }

    @Test
    void noConversionsAnywhereIsNoEvidence() {
        var c = TwoProportions.compare(500, 0, 400, 0, 0.05);
        assertEquals(0, c.z());
        assertEquals(1, c.pValue());
        assertEquals(new Interval(0, 0, 0), c.difference());
        assertEquals(Optional.empty(), c.relativeLift());
    }

    @Test
    void everyoneConvertingEverywhereIsNoEvidence() {
        var c = TwoProportions.compare(300, 300, 310, 310, 0.05);
        assertEquals(1, c.pValue());
        assertEquals(new Interval(0, 0, 0), c.difference());
        assertEquals(new Interval(0, 0, 0), c.relativeLift().orElseThrow());
    }

    @Test
    void aVariantThatNeverConvertsHasAFiniteRelativeInterval() {
        var relative = TwoProportions.compare(1000, 50, 1000, 0, 0.05).relativeLift().orElseThrow();
        assertEquals(-1, relative.estimate(), 1e-15);
        assertEquals(relative.lower(), relative.upper(), 0, "Var(pB) = 0 and pB² Var(pA) = 0");
    }

    @Test
    void anEmptyArmHasNoRate() {
        assertThrows(IllegalArgumentException.class, () -> TwoProportions.compare(0, 0, 100, 10, 0.05));
    }

    @Test
    void tenMillionUsersPerArmStayPrecise() {
        var c = TwoProportions.compare(10_000_000, 1_000_000, 10_000_000, 1_003_000, 0.05);
        assertTrue(c.pValue() < 0.05 && c.difference().excludesZero(), c.toString());
    }
}
