package dev.marquee.delivery.event.service;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.delivery.DeliveryOutcome;
import dev.marquee.contracts.delivery.OutcomeType;
import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.decision.service.Decision;
import dev.marquee.delivery.decision.service.DecisionService;
import dev.marquee.delivery.event.messaging.UserEventPublisher;
import dev.marquee.delivery.message.service.Display;
import dev.marquee.delivery.outcome.messaging.OutcomePublisher;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /v1/sdk/events}: the valid events are published first (acknowledged by Kafka, so nothing accepted is
 * lost; Kafka down → 503 and nothing is decided or reserved), then the triggers of the batch are decided.
 */
@ApplicationScoped
public class SdkTracking {

    private static final Logger LOG = Logger.getLogger(SdkTracking.class);

    /** The batch's outcome and, when a trigger fired one, the message to display. */
    public record Tracked(SdkEventReader.Batch batch, Optional<Display> display, boolean degraded) {
    }

    private final SdkEventReader reader;
    private final UserEventPublisher publisher;
    private final DecisionService decisions;
    private final OutcomePublisher outcomes;

    public SdkTracking(ObjectMapper json, DeliveryConfig config, UserEventPublisher publisher,
            DecisionService decisions, OutcomePublisher outcomes) {
        this.reader = new SdkEventReader(json, config.maxFutureSkew());
        this.publisher = publisher;
        this.decisions = decisions;
        this.outcomes = outcomes;
    }

    public Uni<Tracked> track(String appId, JsonNode body) {
        Instant now = Instant.now();
        SdkEventReader.Batch batch = reader.read(appId, body, now);
        Uni<Void> published = publisher.publish(batch.accepted());
        if (batch.triggers().isEmpty()) {
            return published.replaceWith(new Tracked(batch, Optional.empty(), false));
        }
        return published
                .chain(() -> decisions.decide(appId, batch.user(), batch.triggers(), now, DecisionService.Mode.RESERVE))
                .chain(decision -> {
                    Optional<Decision.Winner> winner = decision.winner();
                    if (winner.isPresent() && winner.get().variant().isEmpty()) {
                        return exposure(appId, batch.user().userId(), winner.get(), now)
                                .replaceWith(new Tracked(batch, Optional.empty(), decision.degraded()));
                    }
                    return Uni.createFrom().item(new Tracked(batch,
                            winner.map(w -> Display.of(w, batch.user().locale(), decision.profile())),
                            decision.degraded()));
                });
    }

    /** The control group saw nothing; the exposure is what the experiment compares against. */
    private Uni<Void> exposure(String appId, String userId, Decision.Winner winner, Instant now) {
        DeliveryOutcome outcome = new DeliveryOutcome(UUID.randomUUID().toString(), OutcomeType.CONTROL_EXPOSURE,
                appId, userId, winner.campaign().id(), winner.campaign().version(), null, now, null, java.util.Map.of(),
                null);
        return outcomes.publish(outcome).onFailure().recoverWithUni(e -> {
            LOG.warnf("control exposure of %s not published: %s", winner.campaign().id(), e.getMessage());
            return Uni.createFrom().voidItem();
        });
    }
}
