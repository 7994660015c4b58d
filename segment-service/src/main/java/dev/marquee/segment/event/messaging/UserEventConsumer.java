package dev.marquee.segment.event.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.segment.app.service.DeletedApps;
import dev.marquee.segment.config.SegmentConfig;
import dev.marquee.segment.segment.BatchEffects;
import dev.marquee.segment.segment.service.MembershipService;
import dev.marquee.segment.segment.service.SegmentCatalog;
import dev.marquee.segment.store.StoreOutage;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.DeserializationFailureHandler;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;

/**
 * Consumes {@code user.events.v1} in batches: users together (pipelined), each user's events in order. A batch is
 * acknowledged only when all of it is applied or set aside. While a store is away (see {@link StoreOutage}) the batch
 * is retried with back-off for as long as it takes (membership lags, nothing is skipped); what was applied before a
 * failure is not applied twice (de-duplication by event id).
 * <p>
 * A failure that is not an outage is a poison event somewhere in the batch: the batch's events are then applied one at
 * a time, in order, and an event that fails alone {@code dead-letter.max-attempts} times (outages not counted) goes to
 * {@code segment.user-events.dlq.v1} with its reason ({@link DeadLetterPublisher}); the others flow on. A record that
 * cannot be read at all goes there at once.
 * <p>
 * The events of a deleted app ({@link DeletedApps}) are skipped: its data is being erased.
 */
@ApplicationScoped
public class UserEventConsumer {

    private static final Logger LOG = Logger.getLogger(UserEventConsumer.class);

    private final MembershipService membership;
    private final SegmentCatalog catalog;
    private final StoreOutage outage;
    private final DeadLetterPublisher deadLetters;
    private final SegmentConfig config;
    private final DeletedApps deletedApps;

    public UserEventConsumer(MembershipService membership, SegmentCatalog catalog, StoreOutage outage,
            DeadLetterPublisher deadLetters, SegmentConfig config, DeletedApps deletedApps) {
        this.membership = membership;
        this.catalog = catalog;
        this.outage = outage;
        this.deadLetters = deadLetters;
        this.config = config;
        this.deletedApps = deletedApps;
    }

    @Incoming("user-events")
    public Uni<Void> consume(KafkaRecordBatch<String, UserEvent> batch) {
        List<KafkaRecord<String, UserEvent>> readable = new ArrayList<>();
        List<KafkaRecord<String, UserEvent>> unreadable = new ArrayList<>();
        for (KafkaRecord<String, UserEvent> record : batch.getRecords()) {
            if (!isComplete(record.getPayload())) {
                unreadable.add(record);
            } else if (!deletedApps.contains(record.getPayload().appId())) {
                readable.add(record);
            }
        }
        return inOrder(unreadable, record -> deadLetters.publish(record, unreadableReason(record), 0))
                .chain(() -> apply(readable))
                .chain(() -> Uni.createFrom().completionStage(batch::ack));
    }

    private static boolean isComplete(UserEvent event) {
        return event != null && event.eventId() != null && event.appId() != null && event.userId() != null
                && event.type() != null && event.occurredAt() != null;
    }

    private static Throwable unreadableReason(KafkaRecord<String, UserEvent> record) {
        if (record.getPayload() != null) {
            return new UnreadableEventException("a required field (eventId, type, appId, userId, occurredAt) is missing");
        }
        Header reason = record.getHeaders().lastHeader(DeserializationFailureHandler.DESERIALIZATION_FAILURE_REASON);
        return new UnreadableEventException("not a user event: "
                + (reason == null ? "no value" : new String(reason.value(), StandardCharsets.UTF_8)));
    }

    private Uni<Void> apply(List<KafkaRecord<String, UserEvent>> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        // the definitions are not any event's doing: waited for, never a reason to set an event aside
        return catalog.loaded()
                .onFailure().invoke(e -> LOG.warnf("segment definitions not loaded, retrying: %s", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .chain(() -> attempt(() -> applyTogether(records)))
                .chain(failure -> {
                    if (failure.isEmpty()) {
                        return Uni.createFrom().voidItem();
                    }
                    LOG.warnf("a batch of %d user events failed (%s: %s); applying them one at a time to find the cause",
                            records.size(), failure.get().getClass().getName(), failure.get().getMessage());
                    return inOrder(records, record -> alone(record, 1));
                });
    }

    /** Applies one event alone; after {@code max-attempts} failures that are not outages, dead-letters it. */
    private Uni<Void> alone(KafkaRecord<String, UserEvent> record, int attempt) {
        return attempt(() -> applyTogether(List.of(record))).chain(failure -> {
            if (failure.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (attempt >= config.deadLetter().maxAttempts()) {
                return deadLetters.publish(record, failure.get(), attempt);
            }
            Duration pause = config.deadLetter().backOff().multipliedBy(1L << Math.min(attempt - 1, 10));
            return Uni.createFrom().voidItem().onItem().delayIt().by(pause).chain(() -> alone(record, attempt + 1));
        });
    }

    /**
     * Runs {@code work} until it succeeds or fails for a reason that is not an outage (an outage is retried with
     * back-off, however long it lasts); answers that reason, or empty on success.
     */
    private Uni<Optional<Throwable>> attempt(Supplier<Uni<Void>> work) {
        return Uni.createFrom().deferred(work::get)
                .map(done -> Optional.<Throwable>empty())
                .onFailure().recoverWithUni(e -> outage.explains(e).map(isOutage -> {
                    if (isOutage) {
                        throw new OutageException(e);
                    }
                    return Optional.of(e);
                }))
                .onFailure(OutageException.class)
                .invoke(e -> LOG.warnf("applying user events failed, retrying: %s", e.getCause().getMessage()))
                .onFailure(OutageException.class)
                .retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely();
    }

    private Uni<Void> applyTogether(List<KafkaRecord<String, UserEvent>> records) {
        Map<String, List<UserEvent>> byUser = new LinkedHashMap<>();
        for (KafkaRecord<String, UserEvent> record : records) {
            UserEvent event = record.getPayload();
            byUser.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event);
        }
        List<List<UserEvent>> users = List.copyOf(byUser.values());
        BatchEffects effects = new BatchEffects();
        return Uni.createFrom().deferred(() -> membership.applyAll(users, effects))
                .eventually(() -> membership.flush(effects));
    }

    private static Uni<Void> inOrder(List<KafkaRecord<String, UserEvent>> records,
            Function<KafkaRecord<String, UserEvent>, Uni<Void>> step) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(records)
                .onItem().transformToUniAndConcatenate(step::apply)
                .collect().last()
                .replaceWithVoid();
    }

    /** A failure that a store being away explains: retried, never counted against an event. */
    private static final class OutageException extends RuntimeException {
        OutageException(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }

    /** A record of {@code user.events.v1} that is no user event this service can apply. */
    static final class UnreadableEventException extends RuntimeException {
        UnreadableEventException(String message) {
            super(message, null, false, false);
        }
    }
}
