package dev.marquee.segment.segment.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.contracts.user.UserEvent;
import dev.marquee.segment.config.TimeSource;
import dev.marquee.segment.profile.repository.ProfileStore;
import dev.marquee.segment.profile.repository.ProfileStore.State;
import dev.marquee.segment.segment.BatchEffects;
import dev.marquee.segment.segment.SegmentKind;
import dev.marquee.segment.segment.messaging.MembershipPublisher;
import dev.marquee.segment.segment.repository.MembershipStore;
import dev.marquee.segment.segment.rule.RuleEvaluator;
import io.smallrye.mutiny.Uni;

/**
 * Incremental membership: an event is applied to the profile, then only the segments that depend on what it changed
 * are re-evaluated; changes are published ({@code segment.membership.v1}) and then written to the user's set.
 * Publishing first means a crash in between re-publishes on redelivery under the same event id (derived from the
 * cause), instead of losing the event.
 */
@ApplicationScoped
public class MembershipService {

    private final SegmentCatalog catalog;
    private final ProfileStore profiles;
    private final MembershipStore membership;
    private final MembershipPublisher publisher;
    private final TimeSource time;

    public MembershipService(SegmentCatalog catalog, ProfileStore profiles, MembershipStore membership,
            MembershipPublisher publisher, TimeSource time) {
        this.catalog = catalog;
        this.profiles = profiles;
        this.membership = membership;
        this.publisher = publisher;
        this.time = time;
    }

    /** Applies one event; what it changes beyond the user's keys is added to {@code effects} (see {@link #flush}). */
    public Uni<Void> apply(UserEvent event, BatchEffects effects) {
        Instant now = time.now();
        List<CompiledSegment> affected = catalog.affectedBy(event);
        int readDays = affected.stream().mapToInt(CompiledSegment::windowDays).max().orElse(0);
        return profiles.apply(event, catalog.counterFields(event), readDays, now)
                .invoke(state -> {
                    if (state.created()) {
                        effects.newProfile(event.appId());
                    }
                })
                .chain(state -> decide(event.appId(), event.userId(), affected, state, now, event.eventId(), effects));
    }

    /** Writes the summed effects of a batch; called whether the batch succeeded or not, so no done change is lost. */
    public Uni<Void> flush(BatchEffects effects) {
        return membership.apply(effects);
    }

    /** Re-evaluates {@code segments} for one user from its stored profile (backfill, due re-checks). */
    public Uni<Void> reevaluate(String appId, String userId, List<CompiledSegment> segments, String cause,
            BatchEffects effects) {
        Instant now = time.now();
        int readDays = segments.stream().mapToInt(CompiledSegment::windowDays).max().orElse(0);
        return profiles.read(appId, userId, readDays, now)
                .chain(state -> state.profile().exists()
                        ? decide(appId, userId, segments, state, now, cause, effects)
                        : Uni.createFrom().voidItem());
    }

    private Uni<Void> decide(String appId, String userId, List<CompiledSegment> segments, State state, Instant now,
            String cause, BatchEffects effects) {
        List<SegmentMembershipEvent> changes = new ArrayList<>();
        List<String> entered = new ArrayList<>();
        List<String> exited = new ArrayList<>();
        Optional<Instant> nextChange = Optional.empty();
        for (CompiledSegment segment : segments) {
            if (segment.kind() != SegmentKind.RULES) {
                continue;
            }
            boolean member = RuleEvaluator.matches(segment.rule(), state.profile(), now);
            boolean stored = state.segments().contains(segment.id());
            if (member != stored) {
                MembershipChange change = member ? MembershipChange.ENTERED : MembershipChange.EXITED;
                (member ? entered : exited).add(segment.id());
                changes.add(new SegmentMembershipEvent(eventId(cause, segment, change), change, appId, userId,
                        segment.id(), segment.version(), List.of(), now));
            }
            if (segment.timeDependent()) {
                Optional<Instant> next = RuleEvaluator.nextChange(segment.rule(), state.profile(), now);
                if (next.isPresent() && (nextChange.isEmpty() || next.get().isBefore(nextChange.get()))) {
                    nextChange = next;
                }
            }
        }
        nextChange.ifPresent(at -> effects.dueAt(appId, userId, at));
        return publisher.publish(changes)
                .chain(() -> membership.write(appId, userId, entered, exited))
                .invoke(sizes -> sizes.forEach((segmentId, delta) -> effects.size(appId, segmentId, delta)))
                .replaceWithVoid();
    }

    private static String eventId(String cause, CompiledSegment segment, MembershipChange change) {
        String seed = cause + "|" + segment.id() + "|" + segment.version() + "|" + change;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
