package dev.marquee.delivery.event.service;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.delivery.decision.repository.DecisionStore;
import dev.marquee.delivery.decision.service.Decision;
import dev.marquee.delivery.decision.service.DecisionService;
import dev.marquee.delivery.decision.service.UserContext;
import dev.marquee.delivery.event.messaging.UserEventPublisher;
import dev.marquee.delivery.message.service.Display;
import dev.marquee.delivery.outcome.service.ControlExposures;
import dev.marquee.delivery.outcome.service.OutcomeContext;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /v1/sdk/events}: the valid events are published (acknowledged by Kafka, so nothing accepted is lost) and,
 * at the same time, the triggers of the batch are decided; the answer waits for both. When Kafka refuses the events
 * the answer is 503 and the impression the decision reserved is released again: during that moment the caps count
 * one impression too many, so they err on the side of showing less, never more. The same holds when the control
 * group's exposure cannot be recorded: the SDK's retry of the batch records it, under the same id.
 */
@ApplicationScoped
public class SdkTracking {

    private static final Logger LOG = Logger.getLogger(SdkTracking.class);

    /** The batch's outcome and, when a trigger fired one, the message to display. */
    public record Tracked(EventBatch batch, Optional<Display> display, boolean degraded) {
    }

    private final UserEventPublisher publisher;
    private final DecisionService decisions;
    private final ControlExposures exposures;

    public SdkTracking(UserEventPublisher publisher, DecisionService decisions, ControlExposures exposures) {
        this.publisher = publisher;
        this.decisions = decisions;
        this.exposures = exposures;
    }

    /** @param now when the batch arrived: what its events' times were read against */
    public Uni<Tracked> track(String appId, EventBatch batch, Instant now) {
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
                // caused by the batch's events: the SDK's retry of the batch records the same exposure
                String cause = batch.accepted().stream().map(UserEvent::eventId).collect(Collectors.joining(","));
                UserContext user = batch.user();
                OutcomeContext context = new OutcomeContext(
                        user.platform() == null ? null : user.platform().name().toLowerCase(Locale.ROOT),
                        user.locale(), user.appVersion());
                return exposures.record(appId, user.userId(), winner.get().campaign(), now, cause, context)
                        .onFailure().call(() -> release(decision))
                        .replaceWith(new Tracked(batch, Optional.empty(), decision.degraded()));
            }
            return Uni.createFrom().item(new Tracked(batch,
                    winner.map(w -> Display.of(w, batch.user().locale(), decision.profile())),
                    decision.degraded()));
        });
    }

    /** The events or the exposure were refused: the impression reserved is given back (if Redis lets us). */
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
}
