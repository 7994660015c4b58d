package dev.marquee.campaign.campaign.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.marquee.campaign.campaign.repository.KnownSegmentRepository;
import dev.marquee.contracts.segment.SegmentDefinitionEvent;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@code known_segment} in step with {@code segment.definitions.v1}: the segments a campaign may target.
 * Applying an announcement is idempotent, so a redelivery or a replay changes nothing.
 */
@ApplicationScoped
public class SegmentDefinitionConsumer {

    private final KnownSegmentRepository segments;

    public SegmentDefinitionConsumer(KnownSegmentRepository segments) {
        this.segments = segments;
    }

    @Incoming("segment-definitions")
    @WithTransaction
    public Uni<Void> apply(SegmentDefinitionEvent event) {
        if (event == null || event.appId() == null || event.segmentId() == null) {
            // unreadable (the deserializer answers null): nothing to learn from it
            return Uni.createFrom().voidItem();
        }
        return segments.apply(event);
    }
}
