package dev.marquee.contracts.delivery;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a delivered campaign, published to {@code delivery.outcomes.v1} keyed {@link #key()}
 * ({@code appId:campaignId}) so the outcomes of one campaign stay in order. Producer: delivery-service (SDK
 * interactions, decisions, conversion attribution). Consumer: campaign-service (statistics per campaign, version and
 * variant), idempotent on {@code eventId}.
 *
 * @param eventId producer-made id: the SDK's interaction id for interactions, derived from the impression and the goal
 *        event for conversions, so a redelivery yields the same id
 * @param version the campaign version the user saw
 * @param variantId the variant shown; {@code null} for {@link OutcomeType#CONTROL_EXPOSURE}
 * @param buttonId the button of a {@link OutcomeType#CLICK}, else {@code null}
 * @param answers question id → answer of a {@link OutcomeType#SURVEY_ANSWER}, else empty
 * @param goalEvent the goal event name of a {@link OutcomeType#CONVERSION}, else {@code null}
 */
public record DeliveryOutcome(
        String eventId,
        OutcomeType type,
        String appId,
        String userId,
        String campaignId,
        long version,
        String variantId,
        Instant occurredAt,
        String buttonId,
        Map<String, Object> answers,
        String goalEvent) {

    public String key() {
        return appId + ":" + campaignId;
    }
}
