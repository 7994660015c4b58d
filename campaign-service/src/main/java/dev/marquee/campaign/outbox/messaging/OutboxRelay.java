package dev.marquee.campaign.outbox.messaging;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.config.CampaignConfig;
import dev.marquee.campaign.config.TimeSource;
import dev.marquee.campaign.outbox.OutboxEntry;
import dev.marquee.campaign.outbox.repository.OutboxRepository;
import dev.marquee.contracts.Topics;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.campaign.CampaignEvent;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Publishes outbox rows to Kafka in commit order and deletes each row only after Kafka acknowledged it. A failed send
 * stops the pass; the row stays and is sent again on the next one (at-least-once: consumers dedupe on eventId). A row
 * that Kafka refuses for its own reason ({@link KafkaRefusal}) counts an attempt; after {@code outbox.max-attempts} it
 * is moved to {@code outbox_dead_letter} with the reason, counted in {@code marquee_dead_letters_total}, and the pass
 * goes on with the rows after it. An outage counts nothing: the rows wait.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private final OutboxRepository repository;
    private final MutinyEmitter<CampaignEvent> campaignEvents;
    private final MutinyEmitter<AppEvent> appEvents;
    private final ObjectMapper json;
    private final CampaignConfig config;
    private final MeterRegistry metrics;
    private final TimeSource time;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(OutboxRepository repository,
            @Channel("campaign-events") MutinyEmitter<CampaignEvent> campaignEvents,
            @Channel("app-events") MutinyEmitter<AppEvent> appEvents,
            ObjectMapper json,
            CampaignConfig config,
            MeterRegistry metrics, TimeSource time) {
        this.repository = repository;
        this.campaignEvents = campaignEvents;
        this.appEvents = appEvents;
        this.json = json;
        this.config = config;
        this.metrics = metrics;
        this.time = time;
    }

    void onStart(@Observes StartupEvent event) {
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        worker.interrupt();
        worker.join(Duration.ofSeconds(10).toMillis());
    }

    /**
     * Its own thread rather than the scheduler, which does not run jobs more often than once a second: an activated
     * campaign should reach delivery well within a second.
     */
    private void run() {
        while (running) {
            int published = 0;
            try {
                published = VertxContextSupport.subscribeAndAwait(this::relayOnce);
            } catch (Throwable e) {
                LOG.warnf("outbox relay pass failed, will retry: %s", e.getMessage());
            }
            if (published < config.outbox().batchSize()) {
                try {
                    Thread.sleep(config.outbox().pollInterval().toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** One pass: the oldest events, in order, until one fails; returns how many were published. */
    Uni<Integer> relayOnce() {
        return Panache.withTransaction(() -> repository.tryRelayLock()
                .flatMap(locked -> locked
                        ? repository.oldest(config.outbox().batchSize()).flatMap(this::publishInOrder)
                        : Uni.createFrom().item(0)));
    }

    private Uni<Integer> publishInOrder(List<OutboxEntry> entries) {
        return Multi.createFrom().iterable(entries)
                .onItem().transformToUniAndConcatenate(this::publish)
                .select().first(published -> published)
                .collect().with(Collectors.counting())
                .map(Long::intValue);
    }

    /**
     * True when the entry is published and deleted, or dead-lettered; false stops the pass so that later events keep
     * their order.
     */
    private Uni<Boolean> publish(OutboxEntry entry) {
        return send(entry)
                .chain(() -> repository.delete(entry))
                .replaceWith(true)
                .onFailure().recoverWithUni(e -> failed(entry, e));
    }

    private Uni<Boolean> failed(OutboxEntry entry, Throwable failure) {
        Optional<Throwable> refusal = KafkaRefusal.of(failure);
        Throwable cause = refusal.orElse(failure);
        String reason = cause.getClass().getName() + ": " + cause.getMessage();
        // the entry is managed: what is set here is written when the pass commits
        entry.lastError = reason;
        if (refusal.isEmpty()) {
            LOG.warnf("publishing outbox event %d to %s failed, will retry: %s", entry.id, entry.topic, reason);
            return Uni.createFrom().item(false);
        }
        entry.attempts++;
        if (entry.attempts < config.outbox().maxAttempts()) {
            LOG.warnf("Kafka refused outbox event %d to %s (attempt %d of %d): %s", entry.id, entry.topic,
                    entry.attempts, config.outbox().maxAttempts(), reason);
            return Uni.createFrom().item(false);
        }
        return repository.deadLetter(entry, reason, time.now()).invoke(() -> {
            Counter.builder("marquee.dead.letters")
                    .description("Records set aside on a dead-letter topic or table, by source and reason")
                    .tag("source", "outbox")
                    .tag("destination", "outbox_dead_letter")
                    .tag("reason", cause.getClass().getSimpleName())
                    .register(metrics)
                    .increment();
            LOG.errorf("outbox event %d to %s (key %s) moved to outbox_dead_letter after %d attempts: %s", entry.id,
                    entry.topic, entry.eventKey, entry.attempts, reason);
        }).replaceWith(true);
    }

    private Uni<Void> send(OutboxEntry entry) {
        OutgoingKafkaRecordMetadata<String> key = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(entry.eventKey)
                .build();
        try {
            return switch (entry.topic) {
                case Topics.CAMPAIGN_EVENTS -> campaignEvents.sendMessage(
                        Message.of(json.readValue(entry.payload, CampaignEvent.class)).addMetadata(key));
                case Topics.APP_EVENTS -> appEvents.sendMessage(
                        Message.of(json.readValue(entry.payload, AppEvent.class)).addMetadata(key));
                default -> Uni.createFrom().failure(new KafkaRefusal.UnknownTopicException(entry.topic));
            };
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
