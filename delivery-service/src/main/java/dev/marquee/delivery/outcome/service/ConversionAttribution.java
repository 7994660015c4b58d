package dev.marquee.delivery.outcome.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.contracts.delivery.DeliveryOutcome;
import dev.marquee.contracts.delivery.OutcomeType;
import dev.marquee.contracts.user.UserEvent;
import dev.marquee.contracts.user.UserEventType;
import dev.marquee.delivery.campaign.service.CampaignIndex;
import dev.marquee.delivery.decision.service.PropertyFilters;
import dev.marquee.delivery.outcome.messaging.OutcomePublisher;
import dev.marquee.delivery.outcome.repository.OutcomeStore;
import io.smallrye.mutiny.Uni;

/**
 * A tracked event matching one of a campaign's goals, within the goal window after the user's latest impression (or
 * control exposure) of the campaign, converts that impression, once. The outcome's id is derived from the impression,
 * so a redelivered goal event publishes the same conversion again, which consumers drop by id.
 */
@ApplicationScoped
public class ConversionAttribution {

    private final CampaignIndex index;
    private final OutcomeStore store;
    private final OutcomePublisher outcomes;

    public ConversionAttribution(CampaignIndex index, OutcomeStore store, OutcomePublisher outcomes) {
        this.index = index;
        this.store = store;
        this.outcomes = outcomes;
    }

    /** Whether the event can convert anything: a named track event of an app with goals by that name. */
    public boolean mayConvert(UserEvent event) {
        return event.type() == UserEventType.TRACK && event.name() != null
                && index.goalNames(event.appId()).contains(event.name());
    }

    public Uni<Void> attribute(UserEvent event) {
        if (!mayConvert(event)) {
            return Uni.createFrom().voidItem();
        }
        List<Uni<Void>> work = index.all(event.appId()).stream()
                .filter(campaign -> goal(campaign, event) != null)
                .map(campaign -> attribute(campaign, goal(campaign, event), event))
                .toList();
        return work.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(work).andFailFast().replaceWithVoid();
    }

    private Uni<Void> attribute(CampaignSnapshot campaign, Goals.GoalEvent goal, UserEvent event) {
        int days = campaign.goals().windowDays() > 0 ? campaign.goals().windowDays() : Goals.DEFAULT_WINDOW_DAYS;
        return store.attribute(event.appId(), event.userId(), campaign.id(),
                event.occurredAt().minus(Duration.ofDays(days)), event.occurredAt(), event.eventId())
                .chain(found -> {
                    if (found.isEmpty() || !found.get().convertingEventId().equals(event.eventId())) {
                        return Uni.createFrom().voidItem();
                    }
                    OutcomeStore.Attribution attribution = found.get();
                    String id = UUID.nameUUIDFromBytes((event.appId() + ":" + event.userId() + ":" + attribution
                            .impression()).getBytes(StandardCharsets.UTF_8)).toString();
                    return outcomes.publish(new DeliveryOutcome(id, OutcomeType.CONVERSION, event.appId(),
                            event.userId(), campaign.id(), attribution.version(), attribution.variant().orElse(null),
                            event.occurredAt(), null, Map.of(), goal.name()));
                });
    }

    private static Goals.GoalEvent goal(CampaignSnapshot campaign, UserEvent event) {
        if (campaign.goals() == null || campaign.goals().events() == null) {
            return null;
        }
        return campaign.goals().events().stream()
                .filter(g -> g.name().equals(event.name()) && PropertyFilters.match(g.filters(), event.properties()))
                .findFirst().orElse(null);
    }
}
