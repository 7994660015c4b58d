package dev.marquee.results.ingest.messaging;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.marquee.contracts.delivery.DeliveryOutcome;
import dev.marquee.results.ingest.MalformedOutcomes;
import dev.marquee.results.ingest.service.OutcomeIngest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

/**
 * Consumes {@code delivery.outcomes.v1} in batches. A batch is acknowledged (so its offsets may be committed) only
 * once its outcomes are durable in PostgreSQL: a crash before that redelivers them, and the {@code eventId} makes the
 * redelivery count once. Records ingest cannot use are skipped and counted ({@link MalformedOutcomes}).
 */
@ApplicationScoped
public class OutcomeConsumer {

    private final OutcomeIngest ingest;
    private final MalformedOutcomes malformed;

    public OutcomeConsumer(OutcomeIngest ingest, MalformedOutcomes malformed) {
        this.ingest = ingest;
        this.malformed = malformed;
    }

    @Incoming("delivery-outcomes")
    public Uni<Void> consume(KafkaRecordBatch<String, DeliveryOutcome> batch) {
        List<OutcomeIngest.Located> usable = new ArrayList<>();
        for (KafkaRecord<String, DeliveryOutcome> record : batch.getRecords()) {
            String where = record.getMetadata(IncomingKafkaRecordMetadata.class)
                    .map(m -> m.getTopic() + "-" + m.getPartition() + "@" + m.getOffset()).orElse(record.getTopic());
            DeliveryOutcome outcome = record.getPayload();
            String problem = MalformedOutcomes.problem(outcome);
            if (outcome == null) {
                malformed.skip(MalformedOutcomes.Reason.UNREADABLE, where, unreadable(record));
            } else if (problem != null) {
                malformed.skip(MalformedOutcomes.Reason.INCOMPLETE, where, problem);
            } else {
                usable.add(new OutcomeIngest.Located(outcome, where));
            }
        }
        return ingest.apply(usable).chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    private static String unreadable(KafkaRecord<String, DeliveryOutcome> record) {
        Header reason = record.getHeaders().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
        return "not a delivery outcome: "
                + (reason == null ? "no value" : new String(reason.value(), StandardCharsets.UTF_8));
    }
}
