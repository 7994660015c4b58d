package dev.marquee.delivery.decision.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.delivery.decision.repository.DecisionStore;

/**
 * What a decision found: the winner (if any), every campaign's verdict, whether Redis was unreachable
 * ({@code degraded}: segment-targeted campaigns failed closed, untargeted ones were decided without caps), and the
 * impression reserved for the winner (a reserving decision with a winner and Redis up).
 */
public record Decision(Optional<Winner> winner, List<Verdict> verdicts, boolean degraded, Map<String, Object> profile,
        Optional<DecisionStore.Reservation> reservation) {

    /**
     * @param variant empty for the control group: an exposure is recorded and nothing is shown
     * @param trigger the trigger that fired it (null when no trigger was asked for)
     */
    public record Winner(CampaignSnapshot campaign, Optional<Variant> variant, Trigger trigger) {
    }

    /**
     * @param reason {@code shown}, {@code control_group}, {@code eligible}, {@code arbitration:<winner id>}, or the
     *        first check that failed: {@code trigger}, {@code schedule}, {@code window}, {@code platform},
     *        {@code app_version}, {@code locale}, {@code rollout}, {@code segment_not_ready}, {@code segment},
     *        {@code excluded_segment}, {@code segment_unknown} (Redis down), {@code caps_unknown} (Redis failed after the request went out), {@code inbox} (a card), {@code cap:lifetime}, {@code cap:session},
     *        {@code cap:rolling}, {@code cap:re_eligibility}, {@code workspace:session}, {@code workspace:day},
     *        {@code workspace:interval}
     */
    public record Verdict(String campaignId, String name, int priority, String reason) {
    }

    /** The campaigns whose verdict is {@code eligible} (the sync answer uses every eligible campaign). */
    public List<String> eligibleIds() {
        return verdicts.stream().filter(v -> v.reason().equals("eligible") || v.reason().equals("shown"))
                .map(Verdict::campaignId).toList();
    }
}
