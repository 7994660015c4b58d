package dev.marquee.segment.user.service;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.segment.config.TimeSource;
import dev.marquee.segment.error.Unavailable;
import dev.marquee.segment.profile.repository.ProfileStore;
import dev.marquee.segment.segment.messaging.MembershipPublisher;
import dev.marquee.segment.segment.repository.MembershipStore;
import dev.marquee.segment.segment.repository.StaticMemberTable;
import io.smallrye.mutiny.Uni;

/** Erasing a user: their profile, counters and event ids, their membership and their rows of static uploads. */
@ApplicationScoped
public class UserErasure {

    /** Longer than the producer's delivery timeout: Kafka's own answer comes first. */
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(20);

    private final ProfileStore profiles;
    private final MembershipStore membership;
    private final MembershipPublisher publisher;
    private final StaticMemberTable staticMembers;
    private final TimeSource time;

    public UserErasure(ProfileStore profiles, MembershipStore membership, MembershipPublisher publisher,
            StaticMemberTable staticMembers, TimeSource time) {
        this.profiles = profiles;
        this.membership = membership;
        this.publisher = publisher;
        this.staticMembers = staticMembers;
        this.time = time;
    }

    /**
     * Erases everything of the user here and announces it ({@code ERASED}), so that delivery-service erases its share.
     * Idempotent and retriable, in this order:
     * <ol>
     * <li>the user's stored segment ids are read (Redis) and the user is deleted from the stored uploads of the app's
     * static segments (PostgreSQL), so that no rebuild puts them back;</li>
     * <li>{@code ERASED} is published, naming those segments, and awaited: Kafka refusing it answers 503 with nothing
     * of Redis erased yet, so the caller's retry publishes it with the same segments;</li>
     * <li>the profile, counters, event ids and membership are deleted from Redis and the sizes of the segments really
     * left are decremented.</li>
     * </ol>
     * Every call publishes, also for a user already erased or never seen (delivery-service may hold data of a user
     * this service has no profile of): an erasure that answered 204 has been announced at least once. Each call's
     * event has its own id, so that a consumer de-duplicating on ids never skips a later erasure of the same user.
     * Events of the user still queued in Kafka would create a new profile: erasure is of what was stored.
     */
    public Uni<Void> erase(String appId, String userId) {
        Instant now = time.now();
        Uni<Set<String>> members = profiles.segments(appId, userId);
        return members.chain(inRedis -> staticMembers.eraseUser(appId, userId).map(stored -> {
            Set<String> left = new TreeSet<>(inRedis);
            left.addAll(stored);
            return List.copyOf(left);
        })).chain(left -> publisher.publish(List.of(new SegmentMembershipEvent(UUID.randomUUID().toString(),
                MembershipChange.ERASED, appId, userId, null, 0, left, now)))
                .ifNoItem().after(PUBLISH_TIMEOUT).fail()
                .onFailure().transform(e -> new Unavailable("Kafka", "Kafka did not take the erasure", e)))
                .chain(() -> profiles.erase(appId, userId, now))
                .chain(erased -> {
                    Map<String, Long> sizes = new HashMap<>();
                    erased.segments().forEach(id -> sizes.put(id, -1L));
                    return membership.changeSizes(appId, sizes)
                            .chain(() -> erased.existed() ? profiles.countProfile(appId, -1) : Uni.createFrom().voidItem())
                            .chain(() -> membership.notDue(appId, userId));
                });
    }
}
