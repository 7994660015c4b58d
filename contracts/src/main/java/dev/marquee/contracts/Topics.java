package dev.marquee.contracts;

import java.util.List;

/** The Kafka topics the services exchange events on (see docs/architecture.md). */
public final class Topics {

    public static final String CAMPAIGN_EVENTS = "campaign.events.v1";
    public static final String APP_EVENTS = "app.events.v1";
    public static final String USER_EVENTS = "user.events.v1";
    public static final String SEGMENT_MEMBERSHIP = "segment.membership.v1";
    public static final String DELIVERY_OUTCOMES = "delivery.outcomes.v1";
    /** Segment definitions, keyed {@code appId:segmentId}, compacted: which segments each app has (and had). */
    public static final String SEGMENT_DEFINITIONS = "segment.definitions.v1";
    /**
     * Dead letters of segment-service's consumer of {@link #USER_EVENTS}: records it could not read or kept failing to
     * apply, same key, with the reason in {@code dead-letter-*} headers. Named after the consumer, not the topic: each
     * consumer group of a topic has its own poison.
     */
    public static final String SEGMENT_USER_EVENTS_DLQ = "segment.user-events.dlq.v1";
    /** Dead letters of delivery-service's consumer of {@link #USER_EVENTS} (conversion attribution), as above. */
    public static final String DELIVERY_USER_EVENTS_DLQ = "delivery.user-events.dlq.v1";

    /**
     * Each service's progress erasing a deleted app ({@link dev.marquee.contracts.app.AppErasureReport}), keyed
     * {@code appId:service}, compacted: campaign-service shows it in the app's deletion progress.
     */
    public static final String APP_ERASURES = "app.erasures.v1";

    /** Every topic with its cleanup policy: snapshot topics are compacted, event streams are not. */
    public static final List<TopicSpec> ALL = List.of(
            new TopicSpec(CAMPAIGN_EVENTS, true),
            new TopicSpec(APP_EVENTS, true),
            new TopicSpec(USER_EVENTS, false),
            new TopicSpec(SEGMENT_MEMBERSHIP, false),
            new TopicSpec(DELIVERY_OUTCOMES, false),
            new TopicSpec(SEGMENT_DEFINITIONS, true),
            new TopicSpec(SEGMENT_USER_EVENTS_DLQ, false),
            new TopicSpec(DELIVERY_USER_EVENTS_DLQ, false),
            new TopicSpec(APP_ERASURES, true));

    public record TopicSpec(String name, boolean compacted) {
    }

    private Topics() {
    }
}
