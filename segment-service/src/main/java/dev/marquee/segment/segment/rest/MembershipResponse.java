package dev.marquee.segment.segment.rest;

import java.util.List;

import dev.marquee.segment.segment.SegmentStatus;
import dev.marquee.segment.segment.rule.RuleEvaluator.ConditionResult;
import dev.marquee.segment.segment.service.MembershipExplanation;

/**
 * Whether a user is a member and why. {@code member} is the rules evaluated now (exact for time-relative
 * conditions); {@code stored} is what Redis holds for readers such as delivery-service; {@code conditions} lists each
 * condition with the value it saw and its result (empty for a static segment).
 */
public record MembershipResponse(
        String segmentId,
        String userId,
        boolean member,
        boolean stored,
        SegmentStatus status,
        List<ConditionResult> conditions) {

    public static MembershipResponse of(MembershipExplanation explanation) {
        return new MembershipResponse(explanation.segmentId(), explanation.userId(), explanation.member(),
                explanation.stored(), explanation.status(), explanation.conditions());
    }
}
