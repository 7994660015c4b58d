package dev.marquee.segment.event.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.segment.error.Unavailable;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes server-side ingested events to {@code user.events.v1} (the channel is named {@code user-events-out}
 * because this service also consumes the topic as {@code user-events}).
 */
@ApplicationScoped
public class UserEventPublisher {

    /** Whole batches (up to 1000, uploads 2000) are handed over at once; Kafka's in-flight limit paces them. */
    private final MutinyEmitter<UserEvent> emitter;

    public UserEventPublisher(
            @Channel("user-events-out") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 100_000) MutinyEmitter<UserEvent> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka acknowledged every event; fails with a retryable error otherwise. */
    public Uni<Void> publish(List<UserEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(events.stream()
                .map(e -> emitter.sendMessage(Message.of(e)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(e.key()).build())))
                .toList())
                .andFailFast()
                .ifNoItem().after(Duration.ofSeconds(20)).fail()
                .onFailure().transform(e -> new Unavailable("Kafka", "Kafka did not take the events", e))
                .replaceWithVoid();
    }
}
