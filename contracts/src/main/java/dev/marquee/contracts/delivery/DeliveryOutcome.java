package dev.marquee.contracts.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a delivered campaign, published to {@code delivery.outcomes.v1} keyed {@link #key()}
 * ({@code appId:campaignId}) so the outcomes of one campaign stay in order. Producer: delivery-service (SDK
 * interactions, decisions, conversion attribution). Consumer: results-service (reports per campaign and variant,
 * experiment statistics), idempotent on {@code eventId}.
 * <p>
 * {@code platform}, {@code locale}, {@code appVersion} and {@code revenue} were added later (issue 20): they are
 * {@code null} when unknown, and in every outcome written before they existed, which still reads.
 *
 * @param eventId producer-made id: the SDK's interaction id for interactions, derived from the impression and the goal
 *        event for conversions, so a redelivery yields the same id
 * @param version the campaign version the user saw
 * @param variantId the variant shown; {@code null} for {@link OutcomeType#CONTROL_EXPOSURE} (and for the conversions
 *        attributed to one)
 * @param buttonId the button of a {@link OutcomeType#CLICK}, else {@code null}
 * @param answers question id → answer of a {@link OutcomeType#SURVEY_ANSWER}, else empty
 * @param goalEvent the goal event name of a {@link OutcomeType#CONVERSION}, else {@code null}
 * @param platform where it happened as the SDK reports it ({@code web}, {@code android}, {@code ios}), or {@code null}
 * @param locale the user's locale as a BCP 47 tag ({@code fr-CA}), or {@code null}
 * @param appVersion the host app's version string, or {@code null}
 * @param revenue the amount a {@link OutcomeType#CONVERSION}'s goal event carried, in the app's currency, exact
 *        decimal; {@code null} when the goal event carried none or for any other type
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
        String goalEvent,
        String platform,
        String locale,
        String appVersion,
        BigDecimal revenue) {

    /** An outcome without the context fields (platform, locale, app version, revenue): all unknown. */
    public DeliveryOutcome(String eventId, OutcomeType type, String appId, String userId, String campaignId,
            long version, String variantId, Instant occurredAt, String buttonId, Map<String, Object> answers,
            String goalEvent) {
        this(eventId, type, appId, userId, campaignId, version, variantId, occurredAt, buttonId, answers, goalEvent,
                null, null, null, null);
    }

    public String key() {
        return appId + ":" + campaignId;
    }
}
