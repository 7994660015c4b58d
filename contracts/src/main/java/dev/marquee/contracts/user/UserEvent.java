package dev.marquee.contracts.user;

import java.time.Instant;
import java.util.Map;

/**
 * Something a user did or an attribute change, published to {@code user.events.v1} keyed {@link #key()}
 * ({@code appId:userId}), so all events of one user stay in order on one partition.
 * <p>
 * Producers: segment-service's server-side ingestion ({@code POST /v1/apps/{appId}/events}) and delivery-service's SDK
 * tracking ({@code POST /v1/sdk/events}). Both validate before publishing: {@code eventId} (producer-made, at most
 * 128 characters, unique per app: consumers are idempotent on it), {@code userId} (1–256 characters, no control
 * characters), {@code occurredAt} not later than the producer's clock plus its skew limit. {@code properties} and
 * {@code attributes} hold JSON scalars (string, number, boolean; {@code null} in {@code attributes} removes the
 * attribute). Consumers: segment-service (profiles, counters, membership); delivery-service (triggers, conversions).
 *
 * @param eventId producer-made id; the same id twice is the same event
 * @param type what the event says
 * @param appId the app (workspace)
 * @param userId the app's id of the user
 * @param occurredAt when it happened on the client (or server) clock
 * @param name the event name of a {@link UserEventType#TRACK} event, otherwise {@code null}
 * @param properties the properties of a {@link UserEventType#TRACK} event (may be empty)
 * @param attributes the attributes set by {@link UserEventType#ATTRIBUTES} or {@link UserEventType#IDENTIFY}
 * @param anonymousId the device's anonymous id of an {@link UserEventType#IDENTIFY}, else {@code null}
 */
public record UserEvent(
        String eventId,
        UserEventType type,
        String appId,
        String userId,
        Instant occurredAt,
        String name,
        Map<String, Object> properties,
        Map<String, Object> attributes,
        String anonymousId) {

    public String key() {
        return appId + ":" + userId;
    }
}
