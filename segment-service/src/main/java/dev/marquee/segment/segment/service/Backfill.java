package dev.marquee.segment.segment.service;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.segment.profile.repository.ProfileStore;
import dev.marquee.segment.segment.BatchEffects;
import dev.marquee.segment.segment.SegmentKind;
import dev.marquee.segment.segment.SegmentStatus;
import dev.marquee.segment.segment.repository.DefinitionTable;
import dev.marquee.segment.segment.repository.MembershipStore;
import dev.marquee.segment.segment.repository.StaticMemberTable;
import io.smallrye.mutiny.Uni;

/**
 * Builds a new or edited segment over the existing profiles, in the background: SCAN (never KEYS) page by page,
 * each profile evaluated like an incoming event would be. Progress goes to the definition row ({@code building},
 * percent of the app's profile count); at the end the Redis build marker tells readers the membership is complete.
 * A build whose definition changed or was deleted meanwhile stops; the newer version's build takes over. A static
 * segment is rebuilt from its uploads stored in PostgreSQL instead.
 */
@ApplicationScoped
public class Backfill {

    private static final Logger LOG = Logger.getLogger(Backfill.class);
    private static final int PAGE = 500;
    private static final int STATIC_PAGE = 5000;

    private final ProfileStore profiles;
    private final MembershipStore membership;
    private final MembershipService evaluation;
    private final DefinitionTable table;
    private final StaticMemberTable staticMembers;
    private final SegmentCatalog catalog;
    private final Set<String> running = ConcurrentHashMap.newKeySet();

    public Backfill(ProfileStore profiles, MembershipStore membership, MembershipService evaluation,
            DefinitionTable table, StaticMemberTable staticMembers, SegmentCatalog catalog) {
        this.profiles = profiles;
        this.membership = membership;
        this.evaluation = evaluation;
        this.table = table;
        this.staticMembers = staticMembers;
        this.catalog = catalog;
    }

    public boolean running(CompiledSegment segment) {
        return running.contains(key(segment));
    }

    /** Starts the build of this version unless it already runs here. */
    public void start(CompiledSegment segment) {
        String key = key(segment);
        if (!running.add(key)) {
            return;
        }
        Uni<Void> build = segment.kind() == SegmentKind.STATIC
                ? staticMembers.count(segment.id())
                        .chain(total -> staticPage(segment, "", new AtomicLong(), Math.max(1, total)))
                : profiles.profileCount(segment.appId())
                        .chain(total -> page(segment, "0", new AtomicLong(), Math.max(1, total)));
        build.subscribe().with(
                done -> running.remove(key),
                failure -> {
                    running.remove(key);
                    // the catalog refresh sees no build marker and starts it again
                    LOG.warnf("build of segment %s v%d failed: %s", segment.id(), segment.version(),
                            failure.getMessage());
                });
    }

    private Uni<Void> page(CompiledSegment segment, String cursor, AtomicLong processed, long total) {
        if (!current(segment)) {
            return Uni.createFrom().voidItem();
        }
        return profiles.scan(segment.appId(), cursor, PAGE).chain(page -> {
            BatchEffects effects = new BatchEffects();
            Uni<Void> all = evaluation.reevaluate(segment.appId(), page.userIds(), List.of(segment),
                    "build:" + segment.version(), effects).eventually(() -> evaluation.flush(effects));
            return all.chain(() -> {
                long done = processed.addAndGet(page.userIds().size());
                if ("0".equals(page.cursor())) {
                    return finish(segment);
                }
                int percent = (int) Math.min(99, done * 100 / total);
                return table.progress(segment.id(), segment.version(), SegmentStatus.BUILDING, percent)
                        .chain(() -> page(segment, page.cursor(), processed, total));
            });
        });
    }

    /**
     * A static segment is restored from its stored uploads (PostgreSQL), in user id order. No ENTERED is published:
     * the members are put back, not new (a rule segment's rebuild publishes what its evaluation finds changed).
     */
    private Uni<Void> staticPage(CompiledSegment segment, String after, AtomicLong processed, long total) {
        if (!current(segment)) {
            return Uni.createFrom().voidItem();
        }
        return staticMembers.page(segment.id(), after, STATIC_PAGE).chain(userIds -> {
            if (userIds.isEmpty()) {
                // the stored uploads are the truth for the size too, whatever part of it Redis had kept
                return staticMembers.count(segment.id())
                        .chain(size -> membership.setSize(segment.appId(), segment.id(), size))
                        .chain(() -> finish(segment));
            }
            return membership.addAll(segment.appId(), segment.id(), userIds).chain(() -> {
                int percent = (int) Math.min(99, processed.addAndGet(userIds.size()) * 100 / total);
                return table.progress(segment.id(), segment.version(), SegmentStatus.BUILDING, percent);
            }).chain(() -> staticPage(segment, userIds.get(userIds.size() - 1), processed, total));
        });
    }

    private Uni<Void> finish(CompiledSegment segment) {
        if (!current(segment)) {
            return Uni.createFrom().voidItem();
        }
        return membership.markReady(segment.appId(), segment.id(), segment.version())
                .chain(() -> table.progress(segment.id(), segment.version(), SegmentStatus.READY, 100));
    }

    private boolean current(CompiledSegment segment) {
        CompiledSegment now = catalog.get(segment.appId(), segment.id());
        return now != null && now.version() == segment.version();
    }

    private static String key(CompiledSegment segment) {
        return segment.appId() + "/" + segment.id() + "/" + segment.version();
    }
}
