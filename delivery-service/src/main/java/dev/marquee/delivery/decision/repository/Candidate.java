package dev.marquee.delivery.decision.repository;

import java.util.Set;

import dev.marquee.contracts.campaign.Frequency;

/**
 * A campaign that passed every check without I/O, with what the decision script needs of it.
 *
 * @param startedAtMs when the campaign started (arbitration: the most recent start wins a priority tie)
 * @param tieBreak stable hash of {@code campaignId:userId}; the lower wins a full tie
 * @param impressionTag {@code version|variant} stored with the impression (variant empty for the control group)
 */
public record Candidate(String campaignId, Frequency frequency, boolean oneTime, long startedAtMs, int tieBreak,
        Set<String> includeSegments, Set<String> excludeSegments, String impressionTag) {

    public boolean segmentTargeted() {
        return !includeSegments.isEmpty() || !excludeSegments.isEmpty();
    }

    public int priority() {
        return frequency.priority();
    }
}
