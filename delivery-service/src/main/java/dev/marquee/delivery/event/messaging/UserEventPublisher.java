package dev.marquee.delivery.event.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.delivery.rest.StoreUnavailableException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes SDK-tracked events to {@code user.events.v1}, keyed {@code appId:userId}. */
@ApplicationScoped
public class UserEventPublisher {

    private final MutinyEmitter<UserEvent> emitter;

    public UserEventPublisher(@Channel("user-events-out") MutinyEmitter<UserEvent> emitter) {
        this.emitter = emitter;
    }

    /** Completes when Kafka acknowledged every event; fails with {@link StoreUnavailableException} otherwise. */
    public Uni<Void> publish(List<UserEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Uni.join().all(events.stream()
                .map(e -> emitter.sendMessage(Message.of(e)
                        .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(e.key()).build())))
                .toList())
                .andFailFast()
                .ifNoItem().after(Duration.ofSeconds(10)).fail()
                .onFailure().transform(e -> new StoreUnavailableException("Kafka did not take the events", e))
                .replaceWithVoid();
    }
}
