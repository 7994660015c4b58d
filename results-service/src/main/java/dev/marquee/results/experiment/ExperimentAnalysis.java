package dev.marquee.results.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

import dev.marquee.results.experiment.Verdict.Outcome;
import dev.marquee.results.experiment.statistics.ChanceToBeat;
import dev.marquee.results.experiment.statistics.HolmCorrection;
import dev.marquee.results.experiment.statistics.Interval;
import dev.marquee.results.experiment.statistics.MixtureConfidenceSequence;
import dev.marquee.results.experiment.statistics.SampleMoments;
import dev.marquee.results.experiment.statistics.SampleRatioMismatch;
import dev.marquee.results.experiment.statistics.TwoProportions;
import dev.marquee.results.experiment.statistics.WelchTTest;

/**
 * Turns an experiment's per-arm counts into its statistics and verdicts. A pure function of its input and settings.
 */
public final class ExperimentAnalysis {

    private final AnalysisSettings settings;
    private final MixtureConfidenceSequence sequence;

    public ExperimentAnalysis(AnalysisSettings settings) {
        this.settings = settings;
        this.sequence = new MixtureConfidenceSequence(settings.alpha(), settings.sequentialTuningUsers());
    }

    public ExperimentResults analyse(Experiment experiment) {
        Arm baseline = experiment.baseline();
        boolean baselineIsControl = experiment.controlArmId().isPresent();
        List<Arm> variants = experiment.arms().stream().filter(a -> a != baseline).toList();

        SampleRatio sampleRatio = sampleRatio(experiment.arms());

        List<Optional<TwoProportions.Comparison>> conversions = new ArrayList<>();
        List<Optional<WelchTTest.Result>> revenues = new ArrayList<>();
        for (Arm variant : variants) {
            conversions.add(baseline.exposedUsers() > 0 && variant.exposedUsers() > 0
                    ? Optional.of(TwoProportions.compare(baseline.exposedUsers(), baseline.convertedUsers(),
                            variant.exposedUsers(), variant.convertedUsers(), settings.alpha()))
                    : Optional.empty());
            revenues.add(baseline.exposedUsers() > 1 && variant.exposedUsers() > 1
                    ? Optional.of(WelchTTest.compare(moments(baseline), moments(variant), settings.alpha()))
                    : Optional.empty());
        }
        List<Double> anytimePValues = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            long users = baseline.exposedUsers() + variants.get(i).exposedUsers();
            anytimePValues.add(conversions.get(i)
                    .map(c -> sequence.pValue(c.difference().estimate(), c.standardError(), users)).orElse(null));
        }
        // the Holm family: the variants that have a p-value (an arm with nobody exposed has none)
        int family = (int) anytimePValues.stream().filter(p -> p != null).count();
        List<Double> holm = holmWherePresent(conversions.stream().map(c -> c.map(x -> x.pValue())).toList());
        List<Double> anytimeHolm = holmWherePresent(anytimePValues.stream().map(Optional::ofNullable).toList());
        List<Double> revenueHolm = holmWherePresent(revenues.stream().map(r -> r.map(x -> x.pValue())).toList());

        List<VariantComparison> comparisons = new ArrayList<>();
        for (int i = 0; i < variants.size(); i++) {
            Arm variant = variants.get(i);
            long users = baseline.exposedUsers() + variant.exposedUsers();
            int index = i;
            Optional<ConversionLift> conversion = conversions.get(i).map(c -> conversionLift(c, users,
                    holm.get(index), anytimePValues.get(index), anytimeHolm.get(index)));
            Optional<RevenueLift> revenue = revenues.get(i).map(r -> new RevenueLift(moments(baseline).mean(),
                    moments(variant).mean(), r.difference(), r.t(), r.degreesOfFreedom(), r.pValue(),
                    revenueHolm.get(index)));
            double chance = ChanceToBeat.probabilityBBeatsA(baseline.exposedUsers(), baseline.convertedUsers(),
                    variant.exposedUsers(), variant.convertedUsers());
            long missing = missing(baseline) + missing(variant);
            Verdict verdict = verdict(variant, baseline, baselineIsControl, missing, sampleRatio, conversion, chance,
                    family);
            comparisons.add(new VariantComparison(variant.id(), baseline.id(), missing, conversion, revenue, chance,
                    verdict));
        }
        return new ExperimentResults(baseline.id(), baselineIsControl, summaries(experiment.arms()), sampleRatio,
                comparisons);
    }

    private ConversionLift conversionLift(TwoProportions.Comparison c, long users, double pValueHolm,
            double anytimePValue, double anytimeHolm) {
        Interval anytimeDifference = sequence.interval(c.difference().estimate(), c.standardError(), users);
        Optional<Interval> anytimeRelative = c.relativeLift()
                .map(r -> sequence.interval(r.estimate(), c.relativeStandardError(), users));
        return new ConversionLift(c.rateA(), c.rateB(), c.difference(), anytimeDifference, c.relativeLift(),
                anytimeRelative, c.z(), c.pValue(), pValueHolm, anytimePValue, anytimeHolm,
                anytimeHolm < settings.alpha());
    }

    private SampleRatio sampleRatio(List<Arm> arms) {
        var result = SampleRatioMismatch.test(arms.stream().map(Arm::exposedUsers).toList(),
                arms.stream().map(Arm::weight).toList());
        return new SampleRatio(result.chiSquared(), result.degreesOfFreedom(), result.pValue(),
                result.pValue() < settings.sampleRatioThreshold());
    }

    private static SampleMoments moments(Arm arm) {
        return SampleMoments.fromSums(arm.exposedUsers(), arm.revenueSum(), arm.revenueSumOfSquares());
    }

    private long missing(Arm arm) {
        return Math.max(0, settings.minimumUsersPerArm() - arm.exposedUsers());
    }

    /** Holm over the comparisons that have a p-value; the others stay null. */
    private static List<Double> holmWherePresent(List<Optional<Double>> pValues) {
        List<Double> present = pValues.stream().flatMap(Optional::stream).toList();
        var adjusted = HolmCorrection.adjust(present).iterator();
        List<Double> result = new ArrayList<>();
        for (Optional<Double> p : pValues) {
            result.add(p.isPresent() ? adjusted.next() : null);
        }
        return result;
    }

    private static List<ArmSummary> summaries(List<Arm> arms) {
        double totalWeight = arms.stream().mapToDouble(Arm::weight).sum();
        long totalUsers = arms.stream().mapToLong(Arm::exposedUsers).sum();
        return arms.stream().map(a -> new ArmSummary(a.id(), a.weight() / totalWeight,
                totalUsers == 0 ? 0 : (double) a.exposedUsers() / totalUsers, a.exposedUsers(), a.convertedUsers(),
                a.exposedUsers() == 0
                        ? OptionalDouble.empty()
                        : OptionalDouble.of((double) a.convertedUsers() / a.exposedUsers()),
                a.exposedUsers() == 0 ? OptionalDouble.empty() : OptionalDouble.of(a.revenueSum() / a.exposedUsers())))
                .toList();
    }

    private Verdict verdict(Arm variant, Arm baseline, boolean baselineIsControl, long missing,
            SampleRatio sampleRatio, Optional<ConversionLift> conversion, double chance, int family) {
        String baselineName = baselineIsControl ? "control" : baseline.id();
        if (missing > 0) {
            return new Verdict(Outcome.NOT_ENOUGH_DATA, String.format(Locale.ROOT,
                    "Not enough data: %s has %d exposed users and %s %d; each needs %d (%d more)", variant.id(),
                    variant.exposedUsers(), baselineName, baseline.exposedUsers(), settings.minimumUsersPerArm(),
                    missing));
        }
        if (sampleRatio.mismatch()) {
            return new Verdict(Outcome.SAMPLE_RATIO_MISMATCH, String.format(Locale.ROOT,
                    "Sample ratio mismatch: exposed users do not match the configured weights (chi-squared p = %.1e "
                            + "< %s), so no result can be trusted; check assignment and exposure logging",
                    sampleRatio.pValue(), settings.sampleRatioThreshold()));
        }
        ConversionLift c = conversion.orElseThrow();
        String lift = c.relativeLiftAnytimeValid().map(ExperimentAnalysis::percentages)
                .orElseGet(() -> points(c.differenceAnytimeValid()));
        String confidence = String.format(Locale.ROOT, "%.0f %%", 100 * (1 - settings.alpha()));
        String correction = family > 1 ? ", Holm-corrected for " + family + " variants" : "";
        String significance = c.significant()
                ? "significant at " + confidence + " (anytime-valid" + correction + ")"
                : "not significant yet at " + confidence + " (anytime-valid" + correction + ")";
        String versus = baselineIsControl ? "control" : "for " + baseline.id();
        String text = String.format(Locale.ROOT, "%s converts %s vs %s %s, %s, %s chance to beat %s: %s",
                variant.id(), rate(c.variantRate()), rate(c.baselineRate()), versus, lift, chance(chance),
                baselineName, significance);
        Outcome outcome = !c.significant()
                ? Outcome.INCONCLUSIVE
                : c.difference().estimate() > 0 ? Outcome.BETTER : Outcome.WORSE;
        return new Verdict(outcome, text);
    }

    private static String rate(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", 100 * rate);
    }

    /** Relative lift as "+21 % [+4 %, +38 %]": whole percent, one decimal when everything is under 10 %. */
    private static String percentages(Interval i) {
        double largest = Math.max(Math.abs(i.estimate()), Math.max(Math.abs(i.lower()), Math.abs(i.upper())));
        String format = 100 * largest >= 9.95 ? "%+.0f %%" : "%+.1f %%";
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", 100 * i.estimate(),
                100 * i.lower(), 100 * i.upper());
    }

    /** Absolute difference in percentage points, when the baseline rate is 0 and a relative lift has no meaning. */
    private static String points(Interval i) {
        return String.format(Locale.ROOT, "%+.1f pp [%+.1f pp, %+.1f pp]", 100 * i.estimate(), 100 * i.lower(),
                100 * i.upper());
    }

    /** Never "100 %" or "0 %": a posterior probability is neither. */
    private static String chance(double p) {
        if (p >= 0.995) {
            return "> 99 %";
        }
        if (p < 0.005) {
            return "< 1 %";
        }
        return String.format(Locale.ROOT, "%.0f %%", 100 * p);
    }
}
