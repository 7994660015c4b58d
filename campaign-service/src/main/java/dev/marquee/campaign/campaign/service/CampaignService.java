package dev.marquee.campaign.campaign.service;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.app.repository.AppRepository;
import dev.marquee.campaign.campaign.AuditEntry;
import dev.marquee.campaign.campaign.Campaign;
import dev.marquee.campaign.campaign.CampaignAction;
import dev.marquee.campaign.campaign.CampaignVersion;
import dev.marquee.campaign.campaign.repository.AuditRepository;
import dev.marquee.campaign.campaign.repository.CampaignRepository;
import dev.marquee.campaign.campaign.repository.CampaignRepository.Position;
import dev.marquee.campaign.campaign.repository.CampaignVersionRepository;
import dev.marquee.campaign.campaign.rest.CampaignRequest;
import dev.marquee.campaign.outbox.service.Outbox;
import dev.marquee.campaign.rest.ConflictException;
import dev.marquee.campaign.rest.InvalidFieldException;
import dev.marquee.campaign.rest.NotFoundException;
import dev.marquee.contracts.campaign.Button;
import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Trigger;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Campaigns and their lifecycle. Every committed change makes a new version, in one transaction: the campaign row,
 * the version's snapshot, an audit entry and exactly one snapshot event in the outbox.
 */
@ApplicationScoped
public class CampaignService {

    private final CampaignRepository campaigns;
    private final CampaignVersionRepository versions;
    private final AuditRepository audit;
    private final AppRepository apps;
    private final Outbox outbox;
    private final ObjectMapper json;

    public CampaignService(CampaignRepository campaigns, CampaignVersionRepository versions, AuditRepository audit,
            AppRepository apps, Outbox outbox, ObjectMapper json) {
        this.campaigns = campaigns;
        this.versions = versions;
        this.audit = audit;
        this.apps = apps;
        this.outbox = outbox;
        this.json = json;
    }

    @WithTransaction
    public Uni<Campaign> create(String appId, CampaignRequest request, String principal) {
        Message message = toMessage(request.message());
        return requireApp(appId).flatMap(app -> {
            Instant now = Instant.now();
            Campaign campaign = new Campaign();
            campaign.id = UUID.randomUUID().toString();
            campaign.appId = appId;
            campaign.state = CampaignState.DRAFT;
            campaign.version = 1;
            campaign.createdAt = now;
            campaign.updatedAt = now;
            applyContent(campaign, request, message);
            return campaigns.persist(campaign)
                    .flatMap(created -> committed(created, CampaignEventType.CREATED, "created", principal));
        });
    }

    /** Replaces the content; a live (active or paused) campaign's new content reaches delivery as a new version. */
    @WithTransaction
    public Uni<Campaign> update(String appId, String campaignId, CampaignRequest request, String principal) {
        Message message = toMessage(request.message());
        return require(appId, campaignId).flatMap(campaign -> {
            if (campaign.state == CampaignState.ENDED || campaign.state == CampaignState.ARCHIVED) {
                return Uni.createFrom().failure(new ConflictException(
                        "an " + campaign.state.name().toLowerCase(Locale.ROOT) + " campaign cannot be changed"));
            }
            applyContent(campaign, request, message);
            return next(campaign, CampaignEventType.UPDATED, "updated", principal);
        });
    }

    /** Only a draft can be deleted; anything that was live is archived instead, so that its history stays. */
    @WithTransaction
    public Uni<Void> delete(String appId, String campaignId, String principal) {
        return require(appId, campaignId).flatMap(campaign -> {
            if (campaign.state != CampaignState.DRAFT) {
                return Uni.createFrom().failure(new ConflictException("only a draft can be deleted; end and archive it"));
            }
            campaign.version++;
            campaign.updatedAt = Instant.now();
            return audit(campaign, "deleted", principal)
                    .chain(() -> outbox.add(event(campaign, CampaignEventType.DELETED)))
                    .chain(() -> campaigns.delete(campaign));
        });
    }

    @WithTransaction
    public Uni<Campaign> act(String appId, String campaignId, CampaignAction action, String principal) {
        return require(appId, campaignId).flatMap(campaign -> {
            if (campaign.state == action.target()) {
                // a retried request: nothing changes, no new version
                return Uni.createFrom().item(campaign);
            }
            if (!action.allowedFrom(campaign.state)) {
                return Uni.createFrom().failure(new ConflictException("cannot " + action.pathName() + " a "
                        + campaign.state.name().toLowerCase(Locale.ROOT) + " campaign"));
            }
            campaign.state = action.target();
            return next(campaign, action.event(), action.pathName(), principal);
        });
    }

    @WithSession
    public Uni<Campaign> get(String appId, String campaignId) {
        return require(appId, campaignId);
    }

    @WithSession
    public Uni<List<Campaign>> list(String appId, CampaignState state, MessageFormat format, Position after,
            int limit) {
        return requireApp(appId).flatMap(app -> campaigns.page(appId, state, format, after, limit));
    }

    @WithSession
    public Uni<List<CampaignVersion>> versions(String appId, String campaignId, long beforeVersion, int limit) {
        return require(appId, campaignId).flatMap(campaign -> versions.page(campaignId, beforeVersion, limit));
    }

    @WithSession
    public Uni<List<AuditEntry>> audit(String appId, String campaignId, long beforeId, int limit) {
        return require(appId, campaignId).flatMap(campaign -> audit.page(appId, campaignId, beforeId, limit));
    }

    private Uni<Campaign> next(Campaign campaign, CampaignEventType type, String action, String principal) {
        campaign.version++;
        campaign.updatedAt = Instant.now();
        return committed(campaign, type, action, principal);
    }

    /** The records every committed change leaves: its version, its audit entry and its one event. */
    private Uni<Campaign> committed(Campaign campaign, CampaignEventType type, String action, String principal) {
        CampaignVersion version = new CampaignVersion();
        version.campaignId = campaign.id;
        version.appId = campaign.appId;
        version.version = campaign.version;
        version.snapshot = snapshotJson(campaign);
        version.principal = principal;
        version.createdAt = campaign.updatedAt;
        return versions.persist(version)
                .chain(() -> audit(campaign, action, principal))
                .chain(() -> outbox.add(event(campaign, type)))
                .replaceWith(campaign);
    }

    private Uni<Void> audit(Campaign campaign, String action, String principal) {
        AuditEntry entry = new AuditEntry();
        entry.appId = campaign.appId;
        entry.campaignId = campaign.id;
        entry.action = action;
        entry.version = campaign.version;
        entry.principal = principal;
        entry.at = campaign.updatedAt;
        return audit.persist(entry).replaceWithVoid();
    }

    private static CampaignEvent event(Campaign campaign, CampaignEventType type) {
        return new CampaignEvent(UUID.randomUUID().toString(), type, campaign.appId, campaign.id, campaign.updatedAt,
                campaign.snapshot());
    }

    private String snapshotJson(Campaign campaign) {
        try {
            return json.writeValueAsString(campaign.snapshot());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("campaign snapshot not serializable", e);
        }
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

    private static void applyContent(Campaign campaign, CampaignRequest request, Message message) {
        campaign.schedule = toSchedule(request.schedule());
        campaign.frequency = toFrequency(request.frequency());
        campaign.name = request.name().strip();
        campaign.triggers = request.triggers().stream().map(t -> new Trigger(t.type())).toList();
        campaign.message = message;
        campaign.format = message.format();
    }

    private static Schedule toSchedule(CampaignRequest.ScheduleRequest request) {
        if (request == null) {
            return Schedule.DEFAULT;
        }
        if (request.startAt() != null && request.endAt() != null && !request.endAt().isAfter(request.startAt())) {
            throw new InvalidFieldException("schedule.endAt", "must be after schedule.startAt");
        }
        Schedule.DeliveryWindow window = null;
        if (request.window() != null) {
            CampaignRequest.WindowRequest w = request.window();
            if (w.toHour() <= w.fromHour()) {
                throw new InvalidFieldException("schedule.window.toHour", "must be after schedule.window.fromHour");
            }
            window = new Schedule.DeliveryWindow(Set.copyOf(w.days()), w.fromHour(), w.toHour());
        }
        return new Schedule(request.startAt(), request.endAt(), window,
                request.mode() == null ? Schedule.DeliveryMode.ALWAYS_ON : request.mode());
    }

    private static Frequency toFrequency(CampaignRequest.FrequencyRequest request) {
        if (request == null) {
            return Frequency.DEFAULT;
        }
        CampaignRequest.RollingRequest rolling = request.rolling();
        return new Frequency(request.lifetimeCap(), request.perSessionCap(),
                rolling == null ? null : new Frequency.RollingCap(rolling.count(), rolling.windowHours()),
                request.reEligibleAfterDays(),
                request.priority() == null ? Frequency.DEFAULT_PRIORITY : request.priority(),
                Boolean.TRUE.equals(request.critical()));
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
                buttons.stream().map(b -> new Button(b.id(), b.label().strip(), b.action(), b.url())).toList(),
                Translations.check(request.locales(), ids));
    }
}
