package dev.marquee.segment.segment.service;

import java.util.List;

import dev.marquee.segment.segment.SegmentStatus;
import dev.marquee.segment.segment.rule.RuleEvaluator.ConditionResult;

/**
 * Whether a user is a member and why: {@code member} by the rules evaluated now, {@code stored} as Redis holds it, and
 * each condition with the value it saw (none for a static segment).
 */
public record MembershipExplanation(
        String segmentId,
        String userId,
        boolean member,
        boolean stored,
        SegmentStatus status,
        List<ConditionResult> conditions) {
}
