package dev.marquee.campaign.campaign.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.repository.AppRepository;
import dev.marquee.campaign.campaign.Campaign;
import dev.marquee.campaign.campaign.repository.CampaignRepository;
import dev.marquee.campaign.campaign.rest.CampaignRequest;
import dev.marquee.campaign.outbox.service.Outbox;
import dev.marquee.campaign.rest.ConflictException;
import dev.marquee.campaign.rest.InvalidFieldException;
import dev.marquee.campaign.rest.NotFoundException;
import dev.marquee.contracts.campaign.Button;
import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.Trigger;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CampaignService {

    private final CampaignRepository campaigns;
    private final AppRepository apps;
    private final Outbox outbox;

    public CampaignService(CampaignRepository campaigns, AppRepository apps, Outbox outbox) {
        this.campaigns = campaigns;
        this.apps = apps;
        this.outbox = outbox;
    }

    @WithTransaction
    public Uni<Campaign> create(String appId, CampaignRequest request) {
        Message message = toMessage(request.message());
        return requireApp(appId).flatMap(app -> {
            Instant now = Instant.now();
            Campaign campaign = new Campaign();
            campaign.id = UUID.randomUUID().toString();
            campaign.appId = appId;
            campaign.name = request.name().strip();
            campaign.state = CampaignState.DRAFT;
            campaign.version = 1;
            campaign.triggers = request.triggers().stream().map(t -> new Trigger(t.type())).toList();
            campaign.message = message;
            campaign.createdAt = now;
            campaign.updatedAt = now;
            return campaigns.persist(campaign);
        });
    }

    @WithSession
    public Uni<Campaign> get(String appId, String campaignId) {
        return require(appId, campaignId);
    }

    @WithSession
    public Uni<List<Campaign>> list(String appId) {
        return requireApp(appId).flatMap(app -> campaigns.listInApp(appId));
    }

    /** Draft or paused → active, publishing the snapshot; activating an active campaign changes nothing. */
    @WithTransaction
    public Uni<Campaign> activate(String appId, String campaignId) {
        return require(appId, campaignId).flatMap(campaign -> campaign.state == CampaignState.ACTIVE
                ? Uni.createFrom().item(campaign)
                : transition(campaign, CampaignState.ACTIVE, CampaignEventType.PUBLISHED));
    }

    /** Active → paused; pausing a paused campaign changes nothing, pausing a draft is a conflict. */
    @WithTransaction
    public Uni<Campaign> pause(String appId, String campaignId) {
        return require(appId, campaignId).flatMap(campaign -> switch (campaign.state) {
            case PAUSED -> Uni.createFrom().item(campaign);
            case DRAFT -> Uni.createFrom().failure(new ConflictException("a draft campaign cannot be paused"));
            case ACTIVE -> transition(campaign, CampaignState.PAUSED, CampaignEventType.PAUSED);
        });
    }

    private Uni<Campaign> transition(Campaign campaign, CampaignState state, CampaignEventType type) {
        campaign.state = state;
        campaign.version++;
        campaign.updatedAt = Instant.now();
        CampaignEvent event = new CampaignEvent(UUID.randomUUID().toString(), type, campaign.appId, campaign.id,
                campaign.updatedAt, campaign.snapshot());
        return outbox.add(event).replaceWith(campaign);
    }

    private Uni<Campaign> require(String appId, String campaignId) {
        return campaigns.findInApp(appId, campaignId)
                .onItem().ifNull().failWith(() -> new NotFoundException("campaign " + campaignId));
    }

    private Uni<Void> requireApp(String appId) {
        return apps.findById(appId)
                .onItem().ifNull().failWith(() -> new NotFoundException("app " + appId))
                .replaceWithVoid();
    }

    private static Message toMessage(CampaignRequest.MessageRequest request) {
        List<CampaignRequest.ButtonRequest> buttons = request.buttons() == null ? List.of() : request.buttons();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < buttons.size(); i++) {
            CampaignRequest.ButtonRequest button = buttons.get(i);
            if (!ids.add(button.id())) {
                throw new InvalidFieldException("message.buttons[" + i + "].id", "is used by another button");
            }
            LinkPolicy.check("message.buttons[" + i + "].url", button.action(), button.url());
        }
        return new Message(request.format(), request.title().strip(), request.body().strip(),
                buttons.stream().map(b -> new Button(b.id(), b.label().strip(), b.action(), b.url())).toList());
    }
}
