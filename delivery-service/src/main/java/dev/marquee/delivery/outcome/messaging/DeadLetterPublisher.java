package dev.marquee.delivery.outcome.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.user.UserEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import io.smallrye.reactive.messaging.kafka.fault.KafkaDeadLetterQueue;

/**
 * Sets a record of {@code user.events.v1} aside on {@code delivery.user-events.dlq.v1}: same key, the event as JSON (or
 * the bytes as received when they could not be read), and why, in the headers SmallRye's own dead-letter queue uses
 * ({@code dead-letter-reason}, {@code dead-letter-exception-class-name}, {@code dead-letter-topic},
 * {@code -partition}, {@code -offset}) plus {@code dead-letter-attempts}. Completes only once Kafka has it; while
 * Kafka is away the send is retried, so the record's offset is never committed before it is safe somewhere.
 */
@ApplicationScoped
public class DeadLetterPublisher {

    public static final String ATTEMPTS = "dead-letter-attempts";

    private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);

    private final MutinyEmitter<byte[]> emitter;
    private final ObjectMapper json;
    private final MeterRegistry metrics;

    public DeadLetterPublisher(@Channel("delivery-user-events-dlq") MutinyEmitter<byte[]> emitter, ObjectMapper json,
            MeterRegistry metrics) {
        this.emitter = emitter;
        this.json = json;
        this.metrics = metrics;
    }

    /** {@code attempts}: how often it was tried alone; 0 for a record that could not be read at all. */
    public Uni<Void> publish(KafkaRecord<String, UserEvent> record, Throwable reason, int attempts) {
        RecordHeaders headers = new RecordHeaders();
        header(headers, KafkaDeadLetterQueue.DEAD_LETTER_REASON, reason.getMessage());
        header(headers, KafkaDeadLetterQueue.DEAD_LETTER_EXCEPTION_CLASS_NAME, reason.getClass().getName());
        Throwable cause = reason.getCause();
        if (cause != null) {
            header(headers, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE, cause.getMessage());
            header(headers, KafkaDeadLetterQueue.DEAD_LETTER_CAUSE_CLASS_NAME, cause.getClass().getName());
        }
        header(headers, KafkaDeadLetterQueue.DEAD_LETTER_TOPIC, record.getTopic());
        header(headers, KafkaDeadLetterQueue.DEAD_LETTER_PARTITION, Integer.toString(record.getPartition()));
        header(headers, KafkaDeadLetterQueue.DEAD_LETTER_OFFSET, Long.toString(offset(record)));
        header(headers, ATTEMPTS, Integer.toString(attempts));
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(record.getKey())
                .withHeaders(headers)
                .build();
        Message<byte[]> message = Message.of(value(record)).addMetadata(metadata);
        return Uni.createFrom().deferred(() -> emitter.sendMessage(message))
                .onFailure().invoke(e -> LOG.warnf("dead-lettering offset %d of %s failed, retrying: %s",
                        offset(record), record.getTopic(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).indefinitely()
                .invoke(() -> {
                    Counter.builder("marquee.dead.letters")
                            .description("Records set aside on a dead-letter topic or table, by source and reason")
                            .tag("source", record.getTopic())
                            .tag("destination", Topics.DELIVERY_USER_EVENTS_DLQ)
                            .tag("reason", reason.getClass().getSimpleName())
                            .register(metrics)
                            .increment();
                    LOG.warnf("offset %d of %s (key %s) dead-lettered to %s after %d attempt(s): %s: %s",
                            offset(record), record.getTopic(), record.getKey(), Topics.DELIVERY_USER_EVENTS_DLQ,
                            attempts, reason.getClass().getName(), reason.getMessage());
                });
    }

    /** The event as JSON; the bytes as received for a record that could not be read. */
    private byte[] value(KafkaRecord<String, UserEvent> record) {
        if (record.getPayload() == null) {
            for (String name : new String[]{DeserializationFailureHandler.DESERIALIZATION_FAILURE_VALUE_DATA,
                    DeserializationFailureHandler.DESERIALIZATION_FAILURE_DATA}) {
                Header raw = record.getHeaders().lastHeader(name);
                if (raw != null && raw.value() != null) {
                    return raw.value();
                }
            }
            return new byte[0];
        }
        try {
            return json.writeValueAsBytes(record.getPayload());
        } catch (JsonProcessingException e) {
            return record.getPayload().toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    static long offset(KafkaRecord<String, UserEvent> record) {
        return record.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getOffset)
                .orElse(-1L);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, (value == null ? "" : value).getBytes(StandardCharsets.UTF_8));
    }
}
