package dev.marquee.results.experiment;

import static dev.marquee.results.experiment.Arms.analyse;
import static dev.marquee.results.experiment.Arms.arm;
import static dev.marquee.results.experiment.Arms.controlAnd;
import static dev.marquee.results.experiment.Arms.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.marquee.results.experiment.Verdict.Outcome;

class VerdictTest {

    /**
     * Hand-checked: relative lift 0.21, delta-method se √(0.0010636 + 0.0013177) = 0.0488, anytime-valid multiplier at
     * 20,000 users √((1 + 1/15.88)(2 ln 20 + ln 16.88)) = 3.062, so ±0.149.
     */
    @Test
    void aWinnerIsDescribedInWordsWithTheAnytimeValidInterval() {
        var comparison = only(analyse(controlAnd(arm("control", 10_000, 1_000), arm("B", 10_000, 1_210))));
        assertEquals(Outcome.BETTER, comparison.verdict().outcome());
        assertEquals("B converts 12.1 % vs 10.0 % control, +21 % [+6 %, +36 %], > 99 % chance to beat control: "
                + "significant at 95 % (anytime-valid)", comparison.verdict().text());
    }

    /** Hand-checked: relative se = √(0.023813) = 0.1543, multiplier at 2000 users 3.364, half-width 0.519. */
    @Test
    void aSmallDifferenceIsNotSignificantYet() {
        var comparison = only(analyse(controlAnd(arm("control", 1_000, 100), arm("B", 1_000, 121))));
        assertEquals(Outcome.INCONCLUSIVE, comparison.verdict().outcome());
        assertEquals("B converts 12.1 % vs 10.0 % control, +21 % [-31 %, +73 %], 93 % chance to beat control: "
                + "not significant yet at 95 % (anytime-valid)", comparison.verdict().text());
        assertTrue(comparison.conversion().orElseThrow().pValue() > 0.05);
    }

    @Test
    void aLoserIsWorse() {
        var comparison = only(analyse(controlAnd(arm("control", 20_000, 2_400), arm("B", 20_000, 2_000))));
        assertEquals(Outcome.WORSE, comparison.verdict().outcome());
        assertTrue(comparison.verdict().text().contains("< 1 % chance to beat control"), comparison.verdict().text());
    }

    @Test
    void belowOneHundredExposedUsersThereIsNoVerdictAndTheShortfallIsCounted() {
        var comparison = only(analyse(controlAnd(arm("control", 100, 10), arm("B", 60, 30))));
        assertEquals(Outcome.NOT_ENOUGH_DATA, comparison.verdict().outcome());
        assertEquals(40, comparison.usersMissing());
        assertEquals("Not enough data: B has 60 exposed users and control 100; each needs 100 (40 more)",
                comparison.verdict().text());
        assertTrue(comparison.conversion().isPresent(), "the numbers are still shown");
    }

    @Test
    void withoutAControlVariantsAreComparedWithA() {
        var results = analyse(Experiment.withoutControl(List.of(arm("A", 10_000, 1_000), arm("B", 10_000, 1_210))));
        assertEquals("A", results.baselineArmId());
        assertFalse(results.baselineIsControl());
        assertEquals("B converts 12.1 % vs 10.0 % for A, +21 % [+6 %, +36 %], > 99 % chance to beat A: "
                + "significant at 95 % (anytime-valid)", only(results).verdict().text());
    }

    @Test
    void aSampleRatioMismatchOverridesTheResult() {
        var results = analyse(controlAnd(arm("control", 5_300, 530), arm("B", 4_700, 700)));
        assertTrue(results.sampleRatio().mismatch());
        assertEquals(Outcome.SAMPLE_RATIO_MISMATCH, only(results).verdict().outcome());
        assertTrue(only(results).verdict().text().startsWith("Sample ratio mismatch: exposed users do not match the "
                + "configured weights (chi-squared p = 2.0e-09 < 0.001)"), only(results).verdict().text());
    }

    @Test
    void aZeroBaselineRateIsDescribedInPercentagePoints() {
        var comparison = only(analyse(controlAnd(arm("control", 1_000, 0), arm("B", 1_000, 40))));
        assertTrue(comparison.verdict().text().startsWith("B converts 4.0 % vs 0.0 % control, +4.0 pp ["),
                comparison.verdict().text());
    }

    @Test
    void withSeveralVariantsTheVerdictSaysItIsHolmCorrected() {
        var results = analyse(controlAnd(arm("control", 10_000, 1_000), arm("B", 10_000, 1_210),
                arm("C", 10_000, 1_000)));
        assertTrue(results.comparisons().get(0).verdict().text().endsWith(
                "significant at 95 % (anytime-valid, Holm-corrected for 2 variants)"),
                results.comparisons().get(0).verdict().text());
    }
}
