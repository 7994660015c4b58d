package dev.marquee.delivery.outcome.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.marquee.contracts.delivery.DeliveryOutcome;
import dev.marquee.delivery.error.Unavailable;
import dev.marquee.delivery.error.Unavailable.Dependency;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes to {@code delivery.outcomes.v1}, keyed {@code appId:campaignId}. */
@ApplicationScoped
public class OutcomePublisher {

    private final MutinyEmitter<DeliveryOutcome> emitter;

    public OutcomePublisher(@Channel("delivery-outcomes") MutinyEmitter<DeliveryOutcome> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(DeliveryOutcome outcome) {
        return emitter.sendMessage(Message.of(outcome)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(outcome.key()).build()))
                .ifNoItem().after(Duration.ofSeconds(10)).fail()
                .onFailure().transform(e -> new Unavailable(Dependency.KAFKA, "Kafka did not take the outcome", e));
    }
}
