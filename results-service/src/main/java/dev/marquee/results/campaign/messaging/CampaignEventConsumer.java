package dev.marquee.results.campaign.messaging;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.results.campaign.CampaignDefinition;
import dev.marquee.results.campaign.repository.CampaignTable;
import dev.marquee.results.config.TimeSource;
import io.smallrye.mutiny.Uni;

/**
 * Keeps {@code results.campaign} in step with {@code campaign.events.v1} (compacted: replayed from the start it yields
 * every campaign's latest state). A record is acknowledged once stored; while PostgreSQL is away it is retried.
 */
@ApplicationScoped
public class CampaignEventConsumer {

    private static final Logger LOG = Logger.getLogger(CampaignEventConsumer.class);

    private final CampaignTable campaigns;

    private final TimeSource time;

    public CampaignEventConsumer(CampaignTable campaigns, TimeSource time) {
        this.campaigns = campaigns;
        this.time = time;
    }

    @Incoming("campaign-events")
    public Uni<Void> consume(Message<CampaignEvent> message) {
        CampaignEvent event = message.getPayload();
        if (event == null || event.campaign() == null || event.appId() == null || event.campaign().id() == null) {
            LOG.warn("skipped an unreadable record on campaign.events.v1");
            return Uni.createFrom().completionStage(message::ack);
        }
        CampaignDefinition definition = definition(event);
        Instant updatedAt = event.occurredAt() != null ? event.occurredAt() : time.now();
        return campaigns.store(definition, updatedAt)
                .onFailure().invoke(e -> LOG.warnf("campaign %s not stored, retrying: %s", event.key(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely()
                .chain(() -> Uni.createFrom().completionStage(message::ack));
    }

    static CampaignDefinition definition(CampaignEvent event) {
        CampaignSnapshot campaign = event.campaign();
        List<CampaignDefinition.VariantArm> variants = campaign.variants() == null
                ? List.of()
                : campaign.variants().stream().filter(v -> v != null && v.id() != null)
                        .map(v -> new CampaignDefinition.VariantArm(v.id(), v.name(), v.weight())).toList();
        Goals goals = campaign.goals();
        List<String> goalEvents = goals == null || goals.events() == null
                ? List.of()
                : goals.events().stream().filter(g -> g != null && g.name() != null).map(Goals.GoalEvent::name)
                        .toList();
        return new CampaignDefinition(event.appId(), campaign.id(), campaign.name(), campaign.version(),
                campaign.state() == null ? null : campaign.state().name(), variants, campaign.controlPercent(),
                goalEvents, goals == null ? null : goals.windowDays(), event.type() == CampaignEventType.DELETED);
    }
}
