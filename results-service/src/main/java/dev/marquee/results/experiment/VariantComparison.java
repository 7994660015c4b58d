package dev.marquee.results.experiment;

import java.util.Optional;

/**
 * One variant against the baseline.
 *
 * @param usersMissing exposed users still needed, both arms together, before there is a verdict (0 once there is)
 * @param conversion empty while either arm has no exposed user
 * @param revenue empty while either arm has fewer than 2 exposed users
 * @param chanceToBeatBaseline P(variant's conversion rate &gt; baseline's) under uniform Beta priors
 */
public record VariantComparison(String armId, String baselineArmId, long usersMissing,
        Optional<ConversionLift> conversion, Optional<RevenueLift> revenue, double chanceToBeatBaseline,
        Verdict verdict) {
}
