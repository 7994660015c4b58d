package dev.marquee.campaign.campaign.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.marquee.campaign.app.repository.AppRepository;
import dev.marquee.campaign.app.repository.AppSettingsRepository;
import dev.marquee.campaign.app.service.AppCampaigns.Erased;
import dev.marquee.campaign.campaign.AuditEntry;
import dev.marquee.campaign.campaign.Campaign;
import dev.marquee.campaign.campaign.CampaignAction;
import dev.marquee.campaign.campaign.CampaignVersion;
import dev.marquee.campaign.campaign.repository.AuditRepository;
import dev.marquee.campaign.campaign.repository.CampaignRepository;
import dev.marquee.campaign.campaign.repository.CampaignRepository.Position;
import dev.marquee.campaign.campaign.repository.CampaignVersionRepository;
import dev.marquee.campaign.campaign.repository.KnownSegmentRepository;
import dev.marquee.campaign.config.TimeSource;
import dev.marquee.campaign.error.Conflict;
import dev.marquee.campaign.error.InvalidField;
import dev.marquee.campaign.error.NotFound;
import dev.marquee.campaign.outbox.service.Outbox;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.MessageRules;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.contracts.template.MessageRenderer;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Campaigns and their lifecycle. Every committed change makes a new version, in one transaction: the campaign row,
 * the version's snapshot, an audit entry and exactly one snapshot event in the outbox.
 */
@ApplicationScoped
public class CampaignService {

    /** Who the audit log names for changes the schedule clock makes. */
    static final String SCHEDULE_PRINCIPAL = "schedule";

    /** Fields every change moves, so they would only repeat the entry's own version and time. */
    private static final Set<String> UNAUDITED = Set.of("version", "updatedAt");
    /** How long a segment a campaign names is looked for before it is refused as unknown, and how often. */
    private static final Duration SEGMENT_WAIT = Duration.ofSeconds(2);
    private static final Duration SEGMENT_LOOK = Duration.ofMillis(200);

    private final CampaignRepository campaigns;
    private final CampaignVersionRepository versions;
    private final AuditRepository audit;
    private final AppRepository apps;
    private final AppSettingsRepository settings;
    private final KnownSegmentRepository knownSegments;
    private final Outbox outbox;
    private final ObjectMapper json;
    private final TimeSource time;

    public CampaignService(CampaignRepository campaigns, CampaignVersionRepository versions, AuditRepository audit,
            AppRepository apps, AppSettingsRepository settings, KnownSegmentRepository knownSegments, Outbox outbox,
            ObjectMapper json, TimeSource time) {
        this.campaigns = campaigns;
        this.versions = versions;
        this.audit = audit;
        this.apps = apps;
        this.settings = settings;
        this.knownSegments = knownSegments;
        this.outbox = outbox;
        this.json = json;
        this.time = time;
    }

    @WithTransaction
    public Uni<Campaign> create(String appId, CampaignSpec content, String principal) {
        CampaignRules.Checked checked = CampaignRules.check(content, time.now());
        // shared-locks the app: a campaign cannot be added to an app whose deletion commits meanwhile
        return apps.findLiveForShare(appId).onItem().ifNull().failWith(() -> new NotFound("app " + appId))
                .chain(() -> appRules(appId, checked)).chain(() -> segmentsExist(appId, checked)).flatMap(app -> {
                    Instant now = time.now();
                    Campaign campaign = new Campaign();
                    campaign.id = UUID.randomUUID().toString();
                    campaign.appId = appId;
                    campaign.state = CampaignState.DRAFT;
                    campaign.version = 1;
                    campaign.createdAt = now;
                    campaign.updatedAt = now;
                    applyContent(campaign, checked);
                    return campaigns.persist(campaign)
                            .flatMap(created -> committed(created, CampaignEventType.CREATED, "created", principal, null));
                });
    }

    /** Replaces the content; a live (active or paused) campaign's new content reaches delivery as a new version. */
    @WithTransaction
    public Uni<Campaign> update(String appId, String campaignId, CampaignSpec content, String principal) {
        CampaignRules.Checked checked = CampaignRules.check(content, time.now());
        return appRules(appId, checked).chain(() -> segmentsExist(appId, checked))
                .chain(() -> lock(appId, campaignId)).flatMap(campaign -> {
                    if (campaign.state == CampaignState.ENDED || campaign.state == CampaignState.ARCHIVED) {
                        return Uni.createFrom().failure(new Conflict(
                                "an " + campaign.state.name().toLowerCase(Locale.ROOT) + " campaign cannot be changed"));
                    }
                    JsonNode before = tree(campaign);
                    applyContent(campaign, checked);
                    return next(campaign, CampaignEventType.UPDATED, "updated", principal, before);
                });
    }

    /** Only a draft can be deleted; anything that was live is archived instead, so that its history stays. */
    @WithTransaction
    public Uni<Void> delete(String appId, String campaignId, String principal) {
        return lock(appId, campaignId).flatMap(campaign -> {
            if (campaign.state != CampaignState.DRAFT) {
                return Uni.createFrom().failure(new Conflict("only a draft can be deleted; end and archive it"));
            }
            campaign.version++;
            campaign.updatedAt = time.now();
            return audit(campaign, "deleted", principal, null)
                    .chain(() -> outbox.add(event(campaign, CampaignEventType.DELETED)))
                    .chain(() -> campaigns.delete(campaign));
        });
    }

    @WithTransaction
    public Uni<Campaign> act(String appId, String campaignId, CampaignAction action, String principal) {
        return lock(appId, campaignId).flatMap(campaign -> {
            Instant now = time.now();
            Schedule schedule = campaign.schedule;
            CampaignState target = action.target(schedule.startAt() != null && schedule.startAt().isAfter(now));
            boolean goesLive = target == CampaignState.ACTIVE || target == CampaignState.SCHEDULED;
            if (campaign.state == target || goesLive && isLive(campaign.state)) {
                // a retried request: nothing changes, no new version
                return Uni.createFrom().item(campaign);
            }
            if (!action.allowedFrom(campaign.state)) {
                return Uni.createFrom().failure(new Conflict("cannot " + action.pathName() + " a "
                        + campaign.state.name().toLowerCase(Locale.ROOT) + " campaign"));
            }
            if (goesLive && schedule.endAt() != null && !schedule.endAt().isAfter(now)) {
                return Uni.createFrom().failure(new Conflict(
                        "the schedule ended at " + schedule.endAt() + "; change schedule.endAt first"));
            }
            JsonNode before = tree(campaign);
            campaign.state = target;
            if (action == CampaignAction.ACTIVATE && target == CampaignState.ACTIVE) {
                campaign.activatedAt = now.truncatedTo(ChronoUnit.MICROS); // as PostgreSQL keeps it
            }
            return next(campaign, CampaignAction.eventFor(target), action.pathName(), principal, before);
        });
    }

    /**
     * The schedule clock: starts scheduled campaigns whose start has come and ends live ones whose end has passed,
     * each as a committed change like any other (version, audit entry by {@code schedule}, event).
     */
    @WithTransaction
    public Uni<Integer> advanceSchedules(Instant now, int limit) {
        return campaigns.due(now, limit).flatMap(due -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Campaign campaign : due) {
                boolean over = campaign.endAt != null && !campaign.endAt.isAfter(now);
                CampaignState target = over ? CampaignState.ENDED : CampaignState.ACTIVE;
                chain = chain.chain(() -> {
                    JsonNode before = tree(campaign);
                    campaign.state = target;
                    if (!over) {
                        campaign.activatedAt = now.truncatedTo(ChronoUnit.MICROS);
                    }
                    return next(campaign, CampaignAction.eventFor(target), over ? "end" : "start", SCHEDULE_PRINCIPAL,
                            before).replaceWithVoid();
                });
            }
            return chain.replaceWith(due.size());
        });
    }

    /**
     * Erases up to {@code limit} campaigns of a deleted app, in the caller's transaction, with their versions and audit
     * entries. Each leaves as a {@code DELETED} event, archived unless it was a draft, so that delivery drops it from
     * its index like any campaign that stops; the rows are locked first, so a write to one of them that is under way
     * commits before (and its event comes before this one).
     */
    public Uni<Erased> eraseSome(String appId, int limit) {
        return campaigns.forErasure(appId, limit).flatMap(batch -> {
            if (batch.isEmpty()) {
                return Uni.createFrom().item(new Erased(0, 0, 0));
            }
            List<String> ids = batch.stream().map(c -> c.id).toList();
            return versions.delete("campaignId in ?1", ids).flatMap(erasedVersions -> audit
                    .delete("appId = ?1 and campaignId in ?2", appId, ids).flatMap(erasedAudit -> {
                        Instant now = time.now();
                        Uni<Void> chain = Uni.createFrom().voidItem();
                        for (Campaign campaign : batch) {
                            chain = chain.chain(() -> {
                                if (campaign.state != CampaignState.DRAFT) {
                                    campaign.state = CampaignState.ARCHIVED;
                                }
                                campaign.version++;
                                campaign.updatedAt = now;
                                return outbox.add(event(campaign, CampaignEventType.DELETED))
                                        .chain(() -> campaigns.delete(campaign));
                            });
                        }
                        return chain.replaceWith(new Erased(batch.size(), erasedVersions, erasedAudit));
                    }));
        });
    }

    /** What the SDK would get for this campaign: one variant in one locale, personalized for a sample profile. */
    @WithSession
    public Uni<Preview> preview(String appId, String campaignId, String variantId, String locale,
            Map<String, Object> profile) {
        return require(appId, campaignId).map(campaign -> {
            Variant variant = variantId == null
                    ? campaign.variants.get(0)
                    : campaign.variants.stream().filter(v -> v.id().equals(variantId)).findFirst()
                            .orElseThrow(() -> new InvalidField("variant", "names no variant of this campaign"));
            return new Preview(campaign, variant, MessageRenderer.render(variant.message(), locale, profile));
        });
    }

    public record Preview(Campaign campaign, Variant variant, MessageRenderer.Rendered rendered) {
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

    private Uni<Campaign> next(Campaign campaign, CampaignEventType type, String action, String principal,
            JsonNode before) {
        campaign.version++;
        campaign.updatedAt = time.now();
        return committed(campaign, type, action, principal, before);
    }

    /** The records every committed change leaves: its version, its audit entry and its one event. */
    private Uni<Campaign> committed(Campaign campaign, CampaignEventType type, String action, String principal,
            JsonNode before) {
        JsonNode after = tree(campaign);
        CampaignVersion version = new CampaignVersion();
        version.campaignId = campaign.id;
        version.appId = campaign.appId;
        version.version = campaign.version;
        version.snapshot = after.toString();
        version.principal = principal;
        version.createdAt = campaign.updatedAt;
        return versions.persist(version)
                .chain(() -> audit(campaign, action, principal, before == null ? null : changes(before, after)))
                .chain(() -> outbox.add(event(campaign, type)))
                .replaceWith(campaign);
    }

    private Uni<Void> audit(Campaign campaign, String action, String principal, String changes) {
        AuditEntry entry = new AuditEntry();
        entry.appId = campaign.appId;
        entry.campaignId = campaign.id;
        entry.action = action;
        entry.version = campaign.version;
        entry.principal = principal;
        entry.at = campaign.updatedAt;
        entry.changes = changes;
        return audit.persist(entry).replaceWithVoid();
    }

    private static CampaignEvent event(Campaign campaign, CampaignEventType type) {
        return new CampaignEvent(UUID.randomUUID().toString(), type, campaign.appId, campaign.id, campaign.updatedAt,
                campaign.snapshot());
    }

    private JsonNode tree(Campaign campaign) {
        return json.valueToTree(campaign.snapshot());
    }

    /** What a change did: each top-level field of the snapshot that differs, with its value before and after. */
    private String changes(JsonNode before, JsonNode after) {
        ArrayNode changes = json.createArrayNode();
        after.fieldNames().forEachRemaining(field -> {
            if (!UNAUDITED.contains(field) && !after.get(field).equals(before.get(field))) {
                changes.addObject().put("field", field).<ObjectNode>set("before", before.get(field)).set("after",
                        after.get(field));
            }
        });
        return changes.toString();
    }

    /** A campaign of a deleted app is not found, like the app, until the erasure removes it. */
    private Uni<Campaign> require(String appId, String campaignId) {
        return requireApp(appId).chain(() -> campaigns.findInApp(appId, campaignId))
                .onItem().ifNull().failWith(() -> new NotFound("campaign " + campaignId));
    }

    /** The campaign to change, locked until the transaction ends: writes to one campaign take turns. */
    private Uni<Campaign> lock(String appId, String campaignId) {
        return requireApp(appId).chain(() -> campaigns.findInAppForUpdate(appId, campaignId))
                .onItem().ifNull().failWith(() -> new NotFound("campaign " + campaignId));
    }

    private Uni<Void> requireApp(String appId) {
        return apps.findLive(appId)
                .onItem().ifNull().failWith(() -> new NotFound("app " + appId))
                .replaceWithVoid();
    }

    /**
     * The app's own rules for its messages, the same {@link MessageRules} delivery applies to inline sends: HTML only
     * with settings {@code htmlMessages}, deep links only with one of its {@code linkSchemes}.
     */
    private Uni<Void> appRules(String appId, CampaignRules.Checked checked) {
        return settings.findById(appId).flatMap(row -> {
            WorkspaceSettings app = row == null ? WorkspaceSettings.DEFAULTS : row.toContract();
            for (int i = 0; i < checked.variants().size(); i++) {
                String path = checked.experiment() ? "variants[" + i + "].message" : "message";
                List<MessageRules.Problem> problems = MessageRules.problems(checked.variants().get(i).message(), app,
                        path);
                if (!problems.isEmpty()) {
                    return Uni.createFrom().failure(
                            new InvalidField(problems.get(0).field(), problems.get(0).message()));
                }
            }
            return Uni.createFrom().voidItem();
        });
    }

    /**
     * Every segment the campaign names (targeting, segment-entered triggers) is one segment-service announced for the
     * app and has not deleted; one announced a moment ago may still be on its way, so a missing one is looked for
     * again for up to {@link #SEGMENT_WAIT}.
     */
    private Uni<Void> segmentsExist(String appId, CampaignRules.Checked checked) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < checked.triggers().size(); i++) {
            String segmentId = checked.triggers().get(i).segmentId();
            if (segmentId != null) {
                fields.putIfAbsent(segmentId, "triggers[" + i + "].segmentId");
            }
        }
        checked.targeting().includeSegments().forEach(id -> fields.putIfAbsent(id, "targeting.includeSegments"));
        checked.targeting().excludeSegments().forEach(id -> fields.putIfAbsent(id, "targeting.excludeSegments"));
        if (fields.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return segmentsExist(appId, fields, SEGMENT_WAIT.toMillis() / SEGMENT_LOOK.toMillis());
    }

    private Uni<Void> segmentsExist(String appId, Map<String, String> fields, long looks) {
        return knownSegments.existing(appId, fields.keySet()).chain(existing -> {
            Optional<String> missing = fields.keySet().stream().filter(id -> !existing.contains(id)).findFirst();
            if (missing.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            if (looks <= 0) {
                return Uni.createFrom().failure(new InvalidField(fields.get(missing.get()),
                        "is not a segment of this app (segment " + missing.get() + ")"));
            }
            return pause(SEGMENT_LOOK).chain(() -> segmentsExist(appId, fields, looks - 1));
        });
    }

    /** Waits on the caller's Vert.x context, where the reactive session must stay. */
    private static Uni<Void> pause(Duration duration) {
        Context context = Vertx.currentContext();
        return Uni.createFrom().emitter(emitter -> context.owner().setTimer(duration.toMillis(),
                id -> context.runOnContext(ignored -> emitter.complete(null))));
    }

    private static boolean isLive(CampaignState state) {
        return state == CampaignState.ACTIVE || state == CampaignState.SCHEDULED;
    }

    private static void applyContent(Campaign campaign, CampaignRules.Checked checked) {
        campaign.name = checked.name();
        campaign.triggers = checked.triggers();
        campaign.targeting = checked.targeting();
        campaign.variants = checked.variants();
        campaign.controlPercent = checked.controlPercent();
        campaign.schedule = checked.schedule();
        campaign.startAt = checked.schedule().startAt();
        campaign.endAt = checked.schedule().endAt();
        campaign.frequency = checked.frequency();
        campaign.goals = checked.goals();
        campaign.format = CampaignRules.firstMessage(checked.variants()).format();
    }
}
