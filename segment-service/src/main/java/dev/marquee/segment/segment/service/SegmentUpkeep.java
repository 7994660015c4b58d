package dev.marquee.segment.segment.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.segment.SegmentDefinitionEvent;
import dev.marquee.segment.config.TimeSource;
import dev.marquee.segment.segment.BatchEffects;
import dev.marquee.segment.segment.messaging.DefinitionPublisher;
import dev.marquee.segment.segment.repository.MembershipStore;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Keeps Redis-derived state in step with time and with PostgreSQL:
 * <ul>
 * <li>re-reads the definitions (changes made by other instances) and rebuilds every rule segment whose build marker
 * is missing or old (after an interrupted build, or after Redis lost its data), and every static segment whose
 * marker is missing from its uploads stored in PostgreSQL;</li>
 * <li>re-checks users whose time-relative rules ("not seen for 7 days") change result by the passage of time alone,
 * at the instant recorded when they were last evaluated;</li>
 * <li>announces every segment again on {@code segment.definitions.v1}.</li>
 * </ul>
 */
@ApplicationScoped
public class SegmentUpkeep {

    private static final Logger LOG = Logger.getLogger(SegmentUpkeep.class);
    private static final int DUE_BATCH = 500;

    private final SegmentCatalog catalog;
    private final MembershipStore membership;
    private final MembershipService evaluation;
    private final Backfill backfill;
    private final TimeSource time;
    private final DefinitionPublisher definitions;

    public SegmentUpkeep(SegmentCatalog catalog, MembershipStore membership, MembershipService evaluation,
            Backfill backfill, TimeSource time, DefinitionPublisher definitions) {
        this.catalog = catalog;
        this.membership = membership;
        this.evaluation = evaluation;
        this.backfill = backfill;
        this.time = time;
        this.definitions = definitions;
    }

    @Scheduled(every = "${marquee.segment.catalog-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> refresh() {
        return catalog.reload().chain(this::rebuildMissing)
                .onFailure().invoke(e -> LOG.warnf("segment refresh failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    /** Starts the build of every segment whose membership is not marked complete for its current version. */
    public Uni<Void> rebuildMissing() {
        Map<String, List<CompiledSegment>> byApp = catalog.all().stream()
                .collect(Collectors.groupingBy(CompiledSegment::appId));
        List<Uni<Void>> checks = new ArrayList<>();
        byApp.forEach((appId, segments) -> checks.add(membership.readyVersions(appId).invoke(ready -> {
            for (CompiledSegment segment : segments) {
                Long built = ready.get(segment.id());
                if ((built == null || built != segment.version()) && !backfill.running(segment)) {
                    backfill.start(segment);
                }
            }
        }).replaceWithVoid()));
        return checks.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(checks).andFailFast().replaceWithVoid();
    }

    /**
     * Announces every segment again on {@code segment.definitions.v1} (compacted, so this costs one record per segment
     * on disk): a publication lost after a commit is made good. A deletion whose publication was lost is not.
     */
    @Scheduled(every = "${marquee.segment.definitions-republish}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> republishDefinitions() {
        Instant now = time.now();
        return catalog.loaded().chain(() -> Multi.createFrom().iterable(catalog.all())
                .onItem().transformToUniAndMerge(segment -> definitions.publish(new SegmentDefinitionEvent(
                        segment.appId(), segment.id(), segment.version(), false, now)))
                .collect().last().replaceWithVoid())
                .onFailure().invoke(e -> LOG.warnf("segment definitions not republished: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> dueTransitions() {
        return catalog.loaded().chain(() -> membership.due(time.now(), DUE_BATCH)).chain(due -> {
            BatchEffects effects = new BatchEffects();
            Map<String, List<String>> usersByApp = new HashMap<>();
            for (String[] member : due) {
                usersByApp.computeIfAbsent(member[0], a -> new ArrayList<>()).add(member[1]);
            }
            String cause = "due:" + time.now().toEpochMilli();
            List<Uni<Void>> apps = new ArrayList<>();
            usersByApp.forEach((appId, userIds) -> {
                List<CompiledSegment> segments = catalog.timeDependent(appId);
                apps.add(membership.notDue(appId, userIds).chain(() -> segments.isEmpty()
                        ? Uni.createFrom().voidItem()
                        : evaluation.reevaluate(appId, userIds, segments, cause, effects)));
            });
            return apps.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : Uni.join().all(apps).andCollectFailures().replaceWithVoid()
                            .eventually(() -> evaluation.flush(effects));
        }).onFailure().invoke(e -> LOG.warnf("due re-checks failed: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
