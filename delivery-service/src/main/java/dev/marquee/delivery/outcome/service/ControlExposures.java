package dev.marquee.delivery.outcome.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.delivery.DeliveryOutcome;
import dev.marquee.contracts.delivery.OutcomeType;
import dev.marquee.delivery.outcome.messaging.OutcomePublisher;
import io.smallrye.mutiny.Uni;

/**
 * A user of the control group was picked where the campaign would have shown: nothing is shown, and the exposure is
 * what the experiment compares against. Recorded for every path that decides (SDK-tracked triggers, segment entries,
 * sends). The outcome's id derives from what caused it, so a retry of the same cause records the same exposure and
 * consumers count it once.
 */
@ApplicationScoped
public class ControlExposures {

    private final OutcomePublisher outcomes;

    public ControlExposures(OutcomePublisher outcomes) {
        this.outcomes = outcomes;
    }

    /**
     * Publishes the exposure; fails when Kafka does not take it, so the caller's retry records it.
     *
     * @param cause   what led to the decision: the ids of the tracked events, the segment event's id, the send
     * @param context the device's, when the SDK's events caused it; {@link OutcomeContext#UNKNOWN} otherwise
     */
    public Uni<Void> record(String appId, String userId, CampaignSnapshot campaign, Instant at, String cause,
            OutcomeContext context) {
        return outcomes.publish(context.applyTo(new DeliveryOutcome(id(appId, userId, campaign, cause),
                OutcomeType.CONTROL_EXPOSURE, appId, userId, campaign.id(), campaign.version(), null, at, null, Map.of(),
                null)));
    }

    static String id(String appId, String userId, CampaignSnapshot campaign, String cause) {
        String what = String.join("\n", "control-exposure", appId, userId, campaign.id(),
                Long.toString(campaign.version()), cause);
        return UUID.nameUUIDFromBytes(what.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
