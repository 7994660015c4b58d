package dev.marquee.segment.segment.service;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentDefinitionEvent;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.segment.config.SegmentConfig;
import dev.marquee.segment.config.TimeSource;
import dev.marquee.segment.error.InvalidField;
import dev.marquee.segment.error.NotFound;
import dev.marquee.segment.profile.repository.ProfileStore;
import dev.marquee.segment.segment.Segment;
import dev.marquee.segment.segment.SegmentKind;
import dev.marquee.segment.segment.SegmentStatus;
import dev.marquee.segment.segment.messaging.DefinitionPublisher;
import dev.marquee.segment.segment.messaging.MembershipPublisher;
import dev.marquee.segment.segment.repository.MembershipStore;
import dev.marquee.segment.segment.repository.SegmentRepository;
import dev.marquee.segment.segment.rule.Rule;
import dev.marquee.segment.segment.rule.RuleEvaluator;
import dev.marquee.segment.segment.rule.RuleParser;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/**
 * Segment definitions (PostgreSQL) and what follows a change in Redis: a rule segment created or edited is marked
 * "building" (its old build marker removed, so readers see "unknown") and backfilled; a static one is complete (empty)
 * at once; a deleted one's members exit (published, removed from their sets) in the background.
 */
@ApplicationScoped
public class SegmentService {

    private static final Logger LOG = Logger.getLogger(SegmentService.class);

    private final SegmentRepository segments;
    private final SegmentCatalog catalog;
    private final MembershipStore membership;
    private final ProfileStore profiles;
    private final Backfill backfill;
    private final MembershipPublisher publisher;
    private final DefinitionPublisher definitions;
    private final SegmentConfig config;
    private final TimeSource time;
    private final ObjectMapper json;

    public SegmentService(SegmentRepository segments, SegmentCatalog catalog, MembershipStore membership,
            ProfileStore profiles, Backfill backfill, MembershipPublisher publisher, DefinitionPublisher definitions,
            SegmentConfig config, TimeSource time, ObjectMapper json) {
        this.segments = segments;
        this.catalog = catalog;
        this.membership = membership;
        this.profiles = profiles;
        this.backfill = backfill;
        this.publisher = publisher;
        this.definitions = definitions;
        this.config = config;
        this.time = time;
        this.json = json;
    }

    public Uni<SegmentView> create(String appId, SegmentDraft request) {
        SegmentKind kind = request.kind() == null ? SegmentKind.RULES : request.kind();
        String rules = validRules(kind, request.rules());
        Instant now = time.now();
        Segment segment = new Segment();
        segment.id = UUID.randomUUID().toString();
        segment.appId = appId;
        segment.name = request.name();
        segment.description = request.description();
        segment.kind = kind;
        segment.rules = rules;
        segment.version = 1;
        segment.status = kind == SegmentKind.STATIC ? SegmentStatus.READY : SegmentStatus.BUILDING;
        segment.progress = kind == SegmentKind.STATIC ? 100 : 0;
        segment.createdAt = now;
        segment.updatedAt = now;
        return Panache.withTransaction(() -> segments.persist(segment))
                .call(this::afterChange)
                .call(this::announce)
                .chain(this::response);
    }

    public Uni<SegmentView> update(String appId, String id, SegmentDraft request) {
        return Panache.withTransaction(() -> find(appId, id).invoke(segment -> {
            SegmentKind kind = request.kind() == null ? segment.kind : request.kind();
            if (kind != segment.kind) {
                throw new InvalidField("kind", "cannot change; create a new segment instead");
            }
            String rules = validRules(kind, request.rules());
            segment.name = request.name();
            segment.description = request.description();
            if (kind == SegmentKind.RULES && !rules.equals(segment.rules)) {
                segment.rules = rules;
                segment.version++;
                segment.status = SegmentStatus.BUILDING;
                segment.progress = 0;
            }
            segment.updatedAt = time.now();
        })).call(this::afterChange).call(this::announce).chain(this::response);
    }

    /**
     * Deletes the definition; its size and build marker go at once, and in the background every member exits: an
     * {@code EXITED} event per member (acknowledged), then the id is removed from the member's set.
     */
    public Uni<Void> delete(String appId, String id) {
        return Panache.withTransaction(() -> find(appId, id).call(segments::delete))
                .invoke(segment -> catalog.remove(appId, id))
                .call(segment -> membership.forget(appId, id))
                .call(segment -> announce(new SegmentDefinitionEvent(appId, id, segment.version, true, time.now())))
                .invoke(segment -> exitAll(appId, id, segment.version, "0").subscribe().with(
                        done -> {
                        },
                        failure -> LOG.warnf("members of deleted segment %s did not all exit: %s", id,
                                failure.getMessage())))
                .replaceWithVoid();
    }

    /** One SCAN page of the app's membership sets at a time; a page that fails is retried before giving up. */
    private Uni<Void> exitAll(String appId, String segmentId, long version, String cursor) {
        return membership.scanUsers(appId, cursor).chain(page -> membership
                .membersAmong(appId, segmentId, page.userIds())
                .chain(members -> {
                    Instant now = time.now();
                    List<SegmentMembershipEvent> exits = members.stream().map(userId -> new SegmentMembershipEvent(
                            UUID.nameUUIDFromBytes(("deleted|" + segmentId + "|" + version + "|" + userId)
                                    .getBytes(StandardCharsets.UTF_8)).toString(),
                            MembershipChange.EXITED, appId, userId, segmentId, version, List.of(), now)).toList();
                    return publisher.publish(exits).chain(() -> membership.removeFrom(appId, segmentId, members));
                })
                .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(10)
                .chain(() -> "0".equals(page.cursor())
                        ? Uni.createFrom().voidItem()
                        : exitAll(appId, segmentId, version, page.cursor())));
    }

    public Uni<SegmentView> get(String appId, String id) {
        return Panache.withSession(() -> find(appId, id)).chain(this::response);
    }

    public Uni<List<SegmentView>> list(String appId) {
        return Panache.withSession(() -> segments.listInApp(appId)).chain(all -> all.isEmpty()
                ? Uni.createFrom().item(List.<SegmentView>of())
                : Uni.join().all(all.stream().map(this::response).toList()).andFailFast());
    }

    /** Evaluates the segment for the user now, condition by condition, next to what Redis stores. */
    public Uni<MembershipExplanation> explain(String appId, String id, String userId) {
        return Panache.withSession(() -> find(appId, id)).chain(segment -> {
            CompiledSegment compiled = catalog.compile(segment.id, appId, segment.kind, segment.rules, segment.version);
            Instant now = time.now();
            return profiles.read(appId, userId, compiled.windowDays(), now).map(state -> {
                boolean stored = state.segments().contains(id);
                if (compiled.kind() == SegmentKind.STATIC) {
                    return new MembershipExplanation(id, userId, stored, stored, segment.status, List.of());
                }
                RuleEvaluator.Evaluation evaluation = RuleEvaluator.explain(compiled.rule(), state.profile(), now);
                return new MembershipExplanation(id, userId, evaluation.member(), stored, segment.status,
                        evaluation.conditions());
            });
        });
    }

    private Uni<Void> afterChange(Segment segment) {
        CompiledSegment compiled = catalog.compile(segment.id, segment.appId, segment.kind, segment.rules,
                segment.version);
        catalog.put(compiled);
        if (segment.kind == SegmentKind.STATIC) {
            return membership.markReady(segment.appId, segment.id, segment.version);
        }
        if (segment.status == SegmentStatus.READY) {
            return Uni.createFrom().voidItem();
        }
        return membership.clearReady(segment.appId, segment.id).invoke(() -> backfill.start(compiled));
    }

    /** Tells campaign-service the segment exists; a failure is made good by the periodic republish. */
    private Uni<Void> announce(Segment segment) {
        return announce(new SegmentDefinitionEvent(segment.appId, segment.id, segment.version, false, time.now()));
    }

    private Uni<Void> announce(SegmentDefinitionEvent event) {
        return definitions.publish(event).onFailure().recoverWithItem(e -> {
            LOG.warnf("segment %s of app %s not announced (republished later): %s", event.segmentId(),
                    event.appId(), e.getMessage());
            return null;
        });
    }

    private Uni<Segment> find(String appId, String id) {
        return segments.findInApp(appId, id).onItem().ifNull().failWith(() -> new NotFound("Segment"));
    }

    private Uni<SegmentView> response(Segment segment) {
        return membership.size(segment.appId, segment.id).map(size -> new SegmentView(segment.id, segment.name,
                segment.description, segment.kind, readTree(segment.rules), segment.version, segment.status,
                segment.progress, size, segment.createdAt, segment.updatedAt));
    }

    private String validRules(SegmentKind kind, JsonNode rules) {
        if (kind == SegmentKind.STATIC) {
            if (rules != null && !rules.isNull()) {
                throw new InvalidField("rules", "must not be set for a STATIC segment");
            }
            return null;
        }
        if (rules == null || rules.isNull()) {
            throw new InvalidField("rules", "is required for a RULES segment");
        }
        Rule parsed = RuleParser.parse(rules, "rules", config.counterRetentionDays());
        return parsed == null ? null : rules.toString();
    }

    private JsonNode readTree(String rules) {
        try {
            return rules == null ? null : json.readTree(rules);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
