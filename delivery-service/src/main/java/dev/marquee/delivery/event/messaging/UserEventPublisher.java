package dev.marquee.delivery.event.messaging;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.delivery.error.Unavailable;
import dev.marquee.delivery.error.Unavailable.Dependency;
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

    /** Completes when Kafka acknowledged every event; fails with {@link Unavailable} otherwise. */
    public Uni<Void> publish(List<UserEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // the SDK's usual batch is one event: no join for it
        Uni<Void> sent = events.size() == 1
                ? send(events.get(0))
                : Uni.join().all(events.stream().map(this::send).toList()).andFailFast().replaceWithVoid();
        return sent.ifNoItem().after(Duration.ofSeconds(10)).fail()
                .onFailure().transform(e -> new Unavailable(Dependency.KAFKA, "Kafka did not take the events", e));
    }

    private Uni<Void> send(UserEvent event) {
        return emitter.sendMessage(Message.of(event)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build()));
    }
}
