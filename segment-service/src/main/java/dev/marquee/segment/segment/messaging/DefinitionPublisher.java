package dev.marquee.segment.segment.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import dev.marquee.contracts.segment.SegmentDefinitionEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes which segments exist to {@code segment.definitions.v1}, keyed by segment; completes when Kafka acked. */
@ApplicationScoped
public class DefinitionPublisher {

    private final MutinyEmitter<SegmentDefinitionEvent> emitter;

    public DefinitionPublisher(
            @Channel("segment-definitions") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 10_000) MutinyEmitter<SegmentDefinitionEvent> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(SegmentDefinitionEvent event) {
        return emitter.sendMessage(Message.of(event).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(event.key()).build()));
    }
}
