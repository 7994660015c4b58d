package dev.marquee.delivery.outcome.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.delivery.outcome.service.ConversionAttribution;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Tracked events (SDK and server-side) checked against campaign goals, a poll's batch at a time: every tracked event
 * passes here, and most match no goal, so the per-record cost of the messaging pipeline is paid once per batch. The
 * batch's offsets are committed after all its attributions completed or were set aside (at-least-once; attribution is
 * idempotent).
 * <p>
 * An attribution that fails because a store is away ({@link StoreOutage}) is retried with back-off for as long as it
 * takes; one that fails for the event's own reason {@code MAX_ATTEMPTS} times goes to
 * {@code delivery.user-events.dlq.v1} with its reason ({@link DeadLetterPublisher}), as does a record that is no user
 * event; the others flow on. Nothing here throws: a failure would stop the channel for every event after it.
 */
@ApplicationScoped
public class UserEventConsumer {

    static final int MAX_ATTEMPTS = 5;

    private static final Logger LOG = Logger.getLogger(UserEventConsumer.class);

    private final ConversionAttribution attribution;
    private final StoreOutage outage;
    private final DeadLetterPublisher deadLetters;

    public UserEventConsumer(ConversionAttribution attribution, StoreOutage outage, DeadLetterPublisher deadLetters) {
        this.attribution = attribution;
        this.outage = outage;
        this.deadLetters = deadLetters;
    }

    @Incoming("user-events")
    public Uni<Void> consume(KafkaRecordBatch<String, UserEvent> batch) {
        List<Uni<Void>> work = new ArrayList<>();
        for (KafkaRecord<String, UserEvent> record : batch.getRecords()) {
            UserEvent event = record.getPayload();
            if (event == null || event.appId() == null || event.userId() == null) {
                work.add(deadLetters.publish(record, unreadable(record), 0));
            } else if (mayConvert(event)) {
                work.add(attribute(record, 1, 0));
            }
        }
        Uni<Void> done = work.isEmpty()
                ? Uni.createFrom().voidItem()
                : Uni.join().all(work).andCollectFailures().replaceWithVoid();
        return done.chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    /** True also when the check itself fails: the attempt then finds out, and sets the event aside if it must. */
    private boolean mayConvert(UserEvent event) {
        try {
            return attribution.mayConvert(event);
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** {@code outages}: failed tries a store being away explains; they are not counted as attempts. */
    private Uni<Void> attribute(KafkaRecord<String, UserEvent> record, int attempt, int outages) {
        return Uni.createFrom().deferred(() -> attribution.attribute(record.getPayload()))
                .onFailure().recoverWithUni(e -> outage.explains(e).chain(isOutage -> {
                    if (isOutage) {
                        LOG.warnf("conversion attribution of event %s failed, retrying: %s",
                                record.getPayload().eventId(), e.getMessage());
                        return pause(outages + 1).chain(() -> attribute(record, attempt, outages + 1));
                    }
                    if (attempt >= MAX_ATTEMPTS) {
                        return deadLetters.publish(record, e, attempt);
                    }
                    return pause(attempt).chain(() -> attribute(record, attempt + 1, outages));
                }));
    }

    /** 200 ms, doubled per try, at most 5 s. */
    private static Uni<Void> pause(int tries) {
        long millis = Math.min(5_000L, 200L << Math.min(tries - 1, 5));
        return Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(millis));
    }

    private static Throwable unreadable(KafkaRecord<String, UserEvent> record) {
        Header reason = record.getHeaders().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
        return new IllegalArgumentException(record.getPayload() != null
                ? "a required field (appId, userId) is missing"
                : "not a user event: " + (reason == null ? "no value" : new String(reason.value(), StandardCharsets.UTF_8)));
    }
}
