package dev.marquee.results.experiment;

import static dev.marquee.results.experiment.Arms.analyse;
import static dev.marquee.results.experiment.Arms.arm;
import static dev.marquee.results.experiment.Arms.controlAnd;
import static dev.marquee.results.experiment.Arms.only;
import static dev.marquee.results.experiment.statistics.ReferenceCases.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import dev.marquee.results.experiment.Verdict.Outcome;
import dev.marquee.results.experiment.statistics.HolmCorrection;
import dev.marquee.results.experiment.statistics.Interval;
import dev.marquee.results.experiment.statistics.ReferenceCases;

class ExperimentAnalysisTest {

    @Test
    void aControlAndThreeVariantsMatchTheReference() {
        var results = analyse(Experiment.withControl("control", List.of(Arm.of("control", 2, 4000, 400),
                Arm.of("B", 1, 2050, 250), Arm.of("C", 1, 1980, 190), Arm.of("D", 1, 2010, 228))));
        var rows = ReferenceCases.read("experiment.csv");
        assertEquals(3, results.comparisons().size());
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            var comparison = results.comparisons().get(i);
            assertEquals(row.text("arm"), comparison.armId());
            var conversion = comparison.conversion().orElseThrow();
            assertMatches(row.number("pValue"), conversion.pValue(), row + " p");
            assertMatches(row.number("pValueHolm"), conversion.pValueHolm(), row + " Holm");
            assertMatches(row.number("pValueAnytimeValid"), conversion.pValueAnytimeValid(), row + " anytime p");
            assertMatches(row.number("pValueAnytimeValidHolm"), conversion.pValueAnytimeValidHolm(),
                    row + " anytime Holm");
            assertMatches(row.number("chanceToBeat"), comparison.chanceToBeatBaseline(), row + " chance");
            assertMatches(row.number("srmChiSquared"), results.sampleRatio().chiSquared(), "SRM chi2");
            assertMatches(row.number("srmPValue"), results.sampleRatio().pValue(), "SRM p");
        }
        assertFalse(results.sampleRatio().mismatch(), "2:1:1:1 weights, 4000:2050:1980:2010 users");
        assertEquals(3, results.sampleRatio().degreesOfFreedom());
    }

    @Test
    void holmAdjustsEveryFamilyOverTheVariants() {
        var results = analyse(controlAnd(arm("control", 3000, 300), arm("B", 3000, 360), arm("C", 3000, 330)));
        List<Double> raw = results.comparisons().stream().map(c -> c.conversion().orElseThrow().pValue()).toList();
        List<Double> adjusted = results.comparisons().stream().map(c -> c.conversion().orElseThrow().pValueHolm())
                .toList();
        assertEquals(HolmCorrection.adjust(raw), adjusted);
        results.comparisons().forEach(c -> {
            var conversion = c.conversion().orElseThrow();
            assertEquals(conversion.pValueAnytimeValidHolm() < 0.05, conversion.significant());
        });
    }

    @Test
    void aVariantNobodyHasSeenIsLeftOutOfTheHolmFamily() {
        var results = analyse(controlAnd(arm("control", 10_000, 1000), arm("B", 10_000, 1210), arm("C", 0, 0)));
        var b = results.comparisons().get(0);
        var conversion = b.conversion().orElseThrow();
        assertEquals(conversion.pValue(), conversion.pValueHolm());
        assertEquals(conversion.pValueAnytimeValid(), conversion.pValueAnytimeValidHolm());
        assertFalse(b.verdict().text().contains("Holm"), b.verdict().text());
        assertEquals(Optional.empty(), results.comparisons().get(1).conversion());
    }

    @Test
    void withOneVariantSignificanceIsTheAnytimeValidIntervalExcludingZero() {
        for (long converted : new long[]{1000, 1080, 1100, 1130, 1200}) {
            var conversion = only(analyse(controlAnd(arm("control", 10_000, 1000), arm("B", 10_000, converted))))
                    .conversion().orElseThrow();
            assertEquals(conversion.differenceAnytimeValid().excludesZero(), conversion.significant(),
                    "converted=" + converted);
            assertEquals(conversion.pValue(), conversion.pValueHolm());
        }
    }

    @Test
    void theAnytimeValidIntervalIsWiderThanTheFixedHorizonOne() {
        var conversion = only(analyse(controlAnd(arm("control", 10_000, 1000), arm("B", 10_000, 1100))))
                .conversion().orElseThrow();
        Interval fixed = conversion.difference();
        Interval anytime = conversion.differenceAnytimeValid();
        assertTrue(anytime.lower() < fixed.lower() && anytime.upper() > fixed.upper());
        assertEquals(fixed.estimate(), anytime.estimate());
    }

    @Test
    void aFixedHorizonWinnerCanStillBeInconclusiveUnderPeeking() {
        // z ≈ 2.24: p ≈ 0.025 at a fixed horizon, but the anytime-valid multiplier at 2·10⁷ users is ≈ 3.96
        var comparison = only(analyse(controlAnd(arm("control", 10_000_000, 1_000_000),
                arm("B", 10_000_000, 1_003_000))));
        var conversion = comparison.conversion().orElseThrow();
        assertTrue(conversion.pValue() < 0.05 && conversion.difference().excludesZero());
        assertFalse(conversion.significant());
        assertFalse(conversion.differenceAnytimeValid().excludesZero());
        assertEquals(Outcome.INCONCLUSIVE, comparison.verdict().outcome());
    }

    @Test
    void anEmptyArmHasNoRatesButStillASampleRatioCheck() {
        var results = analyse(controlAnd(arm("control", 0, 0), arm("B", 500, 50)));
        var comparison = only(results);
        assertEquals(Optional.empty(), comparison.conversion());
        assertEquals(Optional.empty(), comparison.revenue());
        assertEquals(Outcome.NOT_ENOUGH_DATA, comparison.verdict().outcome());
        assertEquals(100, comparison.usersMissing());
        assertEquals(OptionalDouble.empty(), results.arms().get(0).conversionRate());
        assertTrue(results.sampleRatio().mismatch(), "500 vs 0 on a 1:1 split");
    }

    @Test
    void nobodyConvertingAnywhereIsInconclusiveWithoutARelativeLift() {
        var comparison = only(analyse(controlAnd(arm("control", 1000, 0), arm("B", 1000, 0))));
        var conversion = comparison.conversion().orElseThrow();
        assertEquals(1, conversion.pValue());
        assertEquals(Optional.empty(), conversion.relativeLift());
        assertEquals(Outcome.INCONCLUSIVE, comparison.verdict().outcome());
        assertEquals(0.5, comparison.chanceToBeatBaseline(), 1e-12);
    }

    @Test
    void everybodyConvertingEverywhereIsInconclusive() {
        var comparison = only(analyse(controlAnd(arm("control", 400, 400), arm("B", 400, 400))));
        assertEquals(Outcome.INCONCLUSIVE, comparison.verdict().outcome());
        assertEquals(new Interval(0, 0, 0), comparison.conversion().orElseThrow().relativeLiftAnytimeValid()
                .orElseThrow());
    }

    @Test
    void revenueWithoutVarianceIsNoEvidence() {
        var comparison = only(analyse(controlAnd(new Arm("control", 1, 500, 0, 0, 0), new Arm("B", 1, 500, 0, 0, 0))));
        var revenue = comparison.revenue().orElseThrow();
        assertEquals(1, revenue.pValue());
        assertEquals(0, revenue.difference().estimate());
    }

    @Test
    void revenuePerUserCountsNonConvertersAsZero() {
        // 100 users, 10 of them bought for 50 each: mean 5, variance (10·2500 − 100·25)/99
        var comparison = only(analyse(controlAnd(new Arm("control", 1, 100, 10, 500, 25_000),
                new Arm("B", 1, 100, 20, 1000, 50_000))));
        var revenue = comparison.revenue().orElseThrow();
        assertEquals(5, revenue.baselineMean(), 1e-12);
        assertEquals(10, revenue.variantMean(), 1e-12);
        assertEquals(5, revenue.difference().estimate(), 1e-12);
    }

    @Test
    void tenMillionUsersPerArmAreAnalysedQuickly() {
        long start = System.nanoTime();
        var results = analyse(controlAnd(new Arm("control", 1, 10_000_000, 1_000_000, 2.5e7, 6.25e9),
                new Arm("B", 1, 10_000_000, 1_010_000, 2.51e7, 6.3e9)));
        long millis = (System.nanoTime() - start) / 1_000_000;
        var comparison = only(results);
        assertEquals(Outcome.BETTER, comparison.verdict().outcome(), comparison.verdict().text());
        assertTrue(comparison.revenue().isPresent());
        assertTrue(millis < 5000, millis + " ms");
    }

    @Test
    void armsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> Arm.of("B", 1, 10, 11));
        assertThrows(IllegalArgumentException.class, () -> Arm.of("B", 0, 10, 1));
        assertThrows(IllegalArgumentException.class, () -> Experiment.withoutControl(List.of(arm("A", 1, 0))));
        assertThrows(IllegalArgumentException.class,
                () -> Experiment.withoutControl(List.of(arm("A", 1, 0), arm("A", 1, 0))));
        assertThrows(IllegalArgumentException.class,
                () -> Experiment.withControl("control", List.of(arm("A", 1, 0), arm("B", 1, 0))));
    }
}
