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
import dev.marquee.delivery.decision.repository.DecisionStore;
import dev.marquee.delivery.decision.service.Decision;
import dev.marquee.delivery.decision.service.DecisionService;
import dev.marquee.delivery.event.messaging.UserEventPublisher;
import dev.marquee.delivery.message.service.Display;
import dev.marquee.delivery.outcome.messaging.OutcomePublisher;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /v1/sdk/events}: the valid events are published (acknowledged by Kafka, so nothing accepted is lost) and,
 * at the same time, the triggers of the batch are decided; the answer waits for both. When Kafka refuses the events
 * the answer is 503 and the impression the decision reserved is released again: during that moment the caps count
 * one impression too many, so they err on the side of showing less, never more.
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
        Uni<Optional<Throwable>> publication = published.onItemOrFailure()
                .transform((ignored, failure) -> Optional.ofNullable(failure));
        Uni<Decision> decided = decisions.decide(appId, batch.user(), batch.triggers(), now,
                DecisionService.Mode.RESERVE);
        return Uni.combine().all().unis(publication, decided).asTuple().chain(both -> {
            Decision decision = both.getItem2();
            if (both.getItem1().isPresent()) {
                Throwable refused = both.getItem1().get();
                return release(decision).chain(() -> Uni.createFrom().<Tracked>failure(refused));
            }
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

    /** The events were refused: the impression reserved for them is given back (if Redis lets us). */
    private Uni<Void> release(Decision decision) {
        if (decision.reservation().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        DecisionStore.Reservation reservation = decision.reservation().get();
        return decisions.release(reservation).onFailure().recoverWithItem(e -> {
            LOG.warnf("impression %s of user %s not released (%s): it counts against the caps", reservation.member(),
                    reservation.userId(), e.getMessage());
            return null;
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
