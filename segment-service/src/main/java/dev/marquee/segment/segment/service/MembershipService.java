package dev.marquee.segment.segment.service;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.contracts.user.AnonymousId;
import dev.marquee.contracts.user.UserEvent;
import dev.marquee.contracts.user.UserEventType;
import dev.marquee.segment.config.TimeSource;
import dev.marquee.segment.profile.repository.ProfileMerge;
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

    private static final Logger LOG = Logger.getLogger(MembershipService.class);

    private final SegmentCatalog catalog;
    private final ProfileStore profiles;
    private final ProfileMerge merge;
    private final MembershipStore membership;
    private final MembershipPublisher publisher;
    private final TimeSource time;

    public MembershipService(SegmentCatalog catalog, ProfileStore profiles, ProfileMerge merge,
            MembershipStore membership, MembershipPublisher publisher, TimeSource time) {
        this.catalog = catalog;
        this.profiles = profiles;
        this.merge = merge;
        this.membership = membership;
        this.publisher = publisher;
        this.time = time;
    }

    /**
     * Applies a batch of events: each user's events in order, users together. Round {@code r} applies the
     * {@code r}-th event of every user that has one, all profile scripts pipelined in one round trip, evaluates them,
     * publishes every membership change of the round at once (awaiting Kafka's acknowledgements together) and then
     * writes them to the users' sets in one more pipelined round trip. What the events change beyond the users' keys
     * is added to {@code effects} (see {@link #flush}).
     */
    public Uni<Void> applyAll(List<List<UserEvent>> byUser, BatchEffects effects) {
        return round(byUser, 0, effects);
    }

    private Uni<Void> round(List<List<UserEvent>> byUser, int index, BatchEffects effects) {
        List<UserEvent> events = new ArrayList<>();
        for (List<UserEvent> userEvents : byUser) {
            if (userEvents.size() > index) {
                events.add(userEvents.get(index));
            }
        }
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = time.now();
        List<List<CompiledSegment>> affected = new ArrayList<>(events.size());
        List<ProfileStore.Change> changes = new ArrayList<>(events.size());
        List<Uni<Decision>> merges = new ArrayList<>();
        for (UserEvent event : events) {
            List<CompiledSegment> segments = mergesAnonymous(event)
                    ? catalog.rulesOf(event.appId())
                    : catalog.affectedBy(event);
            affected.add(segments);
            int readDays = segments.stream().mapToInt(CompiledSegment::windowDays).max().orElse(0);
            changes.add(new ProfileStore.Change(event, catalog.counterFields(event), readDays));
            if (mergesAnonymous(event)) {
                merges.add(mergeAnonymous(event, now, effects));
            }
        }
        Uni<List<Decision>> merged = merges.isEmpty()
                ? Uni.createFrom().item(List.of())
                : Uni.join().all(merges).andFailFast();
        return merged.chain(anonymousExits -> profiles.applyAll(changes, now).chain(states -> {
            List<Decision> decisions = new ArrayList<>(anonymousExits);
            for (int i = 0; i < events.size(); i++) {
                UserEvent event = events.get(i);
                List<CompiledSegment> segments = affected.get(i);
                if (states.get(i).created()) {
                    effects.newProfile(event.appId());
                    // an empty profile already holds rules such as neq, not and at_most 0, whatever the event names
                    // (the counters not read for them are the new profile's: none but this event's, which they
                    // would have named)
                    segments = catalog.rulesOf(event.appId());
                }
                decisions.add(decide(event.appId(), event.userId(), segments, states.get(i), now, event.eventId(),
                        effects));
            }
            return commit(decisions, effects);
        })).chain(() -> round(byUser, index + 1, effects));
    }

    private static boolean mergesAnonymous(UserEvent event) {
        return event.type() == UserEventType.IDENTIFY && AnonymousId.isAnonymous(event.anonymousId())
                && !event.anonymousId().equals(event.userId());
    }

    /**
     * Moves the anonymous profile into the known user's (see {@link ProfileMerge}) before the identify itself is
     * applied; answers the anonymous user's exits from the rule segments it was in (its profile is gone).
     */
    private Uni<Decision> mergeAnonymous(UserEvent identify, Instant now, BatchEffects effects) {
        String appId = identify.appId();
        String anonymousId = identify.anonymousId();
        return merge.detach(appId, anonymousId, identify.userId(), identify.eventId(), now).chain(handoff -> {
            if (handoff.refused()) {
                LOG.warnf("identify %s of app %s: anonymous id %s was identified as another user; not merged",
                        identify.eventId(), appId, anonymousId);
                return Uni.createFrom().item(new Decision(List.of(),
                        new MembershipStore.Write(appId, anonymousId, List.of(), List.of())));
            }
            if (handoff.profileRemoved()) {
                effects.removedProfile(appId);
            }
            Uni<Boolean> into = handoff.empty()
                    ? Uni.createFrom().item(false)
                    : merge.mergeInto(appId, identify.userId(), identify.eventId(), handoff, now);
            return into.invoke(created -> {
                if (created) {
                    effects.newProfile(appId);
                }
            }).chain(() -> merge.dropHandoff(appId, anonymousId, identify.eventId()))
                    .map(done -> anonymousExits(identify, handoff.segments(), now));
        });
    }

    private Decision anonymousExits(UserEvent identify, Set<String> stored, Instant now) {
        List<SegmentMembershipEvent> events = new ArrayList<>();
        List<String> exited = new ArrayList<>();
        for (CompiledSegment segment : catalog.rulesOf(identify.appId())) {
            if (stored.contains(segment.id())) {
                exited.add(segment.id());
                events.add(new SegmentMembershipEvent(eventId("merged:" + identify.eventId(), segment,
                        MembershipChange.EXITED), MembershipChange.EXITED, identify.appId(), identify.anonymousId(),
                        segment.id(), segment.version(), List.of(), now));
            }
        }
        return new Decision(events, new MembershipStore.Write(identify.appId(), identify.anonymousId(), List.of(),
                exited));
    }

    /** Writes the summed effects of a batch; called whether the batch succeeded or not, so no done change is lost. */
    public Uni<Void> flush(BatchEffects effects) {
        return membership.apply(effects);
    }

    /** Re-evaluates {@code segments} for users of one app from their stored profiles (backfill, due re-checks). */
    public Uni<Void> reevaluate(String appId, List<String> userIds, List<CompiledSegment> segments, String cause,
            BatchEffects effects) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Instant now = time.now();
        int readDays = segments.stream().mapToInt(CompiledSegment::windowDays).max().orElse(0);
        return profiles.readAll(appId, userIds, readDays, now).chain(states -> {
            List<Decision> decisions = new ArrayList<>(states.size());
            for (int i = 0; i < states.size(); i++) {
                if (states.get(i).profile().exists()) {
                    decisions.add(decide(appId, userIds.get(i), segments, states.get(i), now, cause, effects));
                }
            }
            return commit(decisions, effects);
        });
    }

    /** What one evaluation changes: the events to publish and the write of the user's set that follows them. */
    private record Decision(List<SegmentMembershipEvent> events, MembershipStore.Write write) {
    }

    /** Publishes first (all acknowledged), then writes: a crash in between re-publishes the same ids on redelivery. */
    private Uni<Void> commit(List<Decision> decisions, BatchEffects effects) {
        List<SegmentMembershipEvent> events = new ArrayList<>();
        List<MembershipStore.Write> writes = new ArrayList<>();
        for (Decision decision : decisions) {
            events.addAll(decision.events());
            writes.add(decision.write());
        }
        return publisher.publish(events).chain(() -> membership.writeAll(writes, effects));
    }

    private Decision decide(String appId, String userId, List<CompiledSegment> segments, State state, Instant now,
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
        return new Decision(changes, new MembershipStore.Write(appId, userId, entered, exited));
    }

    private static String eventId(String cause, CompiledSegment segment, MembershipChange change) {
        String seed = cause + "|" + segment.id() + "|" + segment.version() + "|" + change;
        return UUID.nameUUIDFromBytes(seed.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
