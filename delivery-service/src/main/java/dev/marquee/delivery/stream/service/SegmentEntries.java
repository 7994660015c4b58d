package dev.marquee.delivery.stream.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.decision.service.Decision;
import dev.marquee.delivery.decision.service.DecisionService;
import dev.marquee.delivery.decision.service.TriggerEvent;
import dev.marquee.delivery.decision.service.UserContext;
import dev.marquee.delivery.outcome.service.ControlExposures;
import dev.marquee.delivery.outcome.service.OutcomeContext;
import dev.marquee.delivery.store.UserKeys;
import dev.marquee.delivery.stream.repository.OutboxStore;
import dev.marquee.delivery.user.repository.HandledIds;
import io.smallrye.mutiny.Uni;

/**
 * A user entered a segment: the SDK should sync its eligible messages again (a resync hint through the user's
 * outbox, so it reaches whichever instance holds the stream), and campaigns triggered by entering that segment are
 * decided like any trigger (caps, arbitration, reservation) and the winner is sent over the stream (or, for the
 * control group, its exposure recorded). Once per event id.
 */
@ApplicationScoped
public class SegmentEntries {

    /** How long a handled membership event id is remembered: redeliveries come within hours, not weeks. */
    private static final Duration MEMORY = Duration.ofDays(7);

    private final DecisionService decisions;
    private final ControlExposures exposures;
    private final OutboxStore outbox;
    private final HandledIds handled;
    private final ObjectMapper json;
    private final Duration ttl;

    public SegmentEntries(DecisionService decisions, ControlExposures exposures, OutboxStore outbox,
            HandledIds handled, ObjectMapper json, DeliveryConfig config) {
        this.decisions = decisions;
        this.exposures = exposures;
        this.outbox = outbox;
        this.handled = handled;
        this.json = json;
        this.ttl = config.stream().defaultTtl();
    }

    public Uni<Void> entered(SegmentMembershipEvent event) {
        String handledIds = new UserKeys(event.appId(), event.userId()).membershipEvents();
        return handled.claim(handledIds, event.eventId(), MEMORY)
                .chain(first -> !first
                        ? Uni.createFrom().voidItem()
                        // a failed attempt gives the claim back, so the consumer's retry handles the event
                        : handle(event).onFailure().call(() -> handled.release(handledIds, event.eventId())));
    }

    private Uni<Void> handle(SegmentMembershipEvent event) {
        Map<String, Object> hint = new LinkedHashMap<>();
        hint.put("type", "resync");
        hint.put("reason", "segment_entered");
        hint.put("segmentId", event.segmentId());
        return outbox.append(event.appId(), event.userId(), write(hint), ttl)
                .chain(() -> decisions.decide(event.appId(), UserContext.of(event.userId()),
                        List.of(new TriggerEvent(Trigger.Type.SEGMENT_ENTERED, event.segmentId(), Map.of())),
                        Instant.now(), DecisionService.Mode.RESERVE))
                .chain(decision -> decision.winner().map(w -> w.variant().isEmpty()
                        // caused by this event: the consumer's retry of it records the same exposure
                        ? exposures.record(event.appId(), event.userId(), w.campaign(), Instant.now(),
                                "segment:" + event.eventId(), OutcomeContext.UNKNOWN)
                        : outbox.append(event.appId(), event.userId(), write(message(w)), ttl).replaceWithVoid())
                        .orElse(Uni.createFrom().voidItem()));
    }

    private static Map<String, Object> message(Decision.Winner winner) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "message");
        payload.put("campaignId", winner.campaign().id());
        payload.put("version", winner.campaign().version());
        payload.put("variant", winner.variant().get().id());
        payload.put("sentAt", Instant.now().toString());
        payload.put("message", winner.variant().get().message());
        return payload;
    }

    private String write(Map<String, Object> payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("always serializable", e);
        }
    }
}
