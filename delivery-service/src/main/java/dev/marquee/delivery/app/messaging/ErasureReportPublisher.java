package dev.marquee.delivery.app.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.marquee.contracts.app.AppErasureReport;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes this service's erasure of a deleted app on {@code app.erasures.v1}; completes when Kafka acked. */
@ApplicationScoped
public class ErasureReportPublisher {

    private final MutinyEmitter<AppErasureReport> emitter;

    public ErasureReportPublisher(@Channel("app-erasures") MutinyEmitter<AppErasureReport> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(AppErasureReport report) {
        return emitter.sendMessage(Message.of(report).addMetadata(
                OutgoingKafkaRecordMetadata.<String>builder().withKey(report.key()).build()));
    }
}
