package dev.marquee.segment.segment.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import dev.marquee.contracts.segment.SegmentMembershipEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes membership changes to {@code segment.membership.v1}, keyed by user; completes when Kafka acked them. */
@ApplicationScoped
public class MembershipPublisher {

    /** Whole batches (up to 1000, uploads 2000) are handed over at once; Kafka's in-flight limit paces them. */
    private final MutinyEmitter<SegmentMembershipEvent> emitter;

    public MembershipPublisher(
            @Channel("segment-membership") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000) MutinyEmitter<SegmentMembershipEvent> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(List<SegmentMembershipEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(events.stream().map(this::publish).toList()).andFailFast().replaceWithVoid();
    }

    private Uni<Void> publish(SegmentMembershipEvent event) {
        return emitter.sendMessage(Message.of(event).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build()));
    }
}
