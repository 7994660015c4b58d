package dev.marquee.segment.profile.service;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.segment.config.SegmentConfig;
import dev.marquee.segment.config.TimeSource;
import dev.marquee.segment.profile.repository.ProfileStore;
import dev.marquee.segment.profile.rest.ProfileResponse;
import dev.marquee.segment.rest.NotFoundException;
import dev.marquee.segment.segment.messaging.MembershipPublisher;
import dev.marquee.segment.segment.repository.MembershipStore;
import io.smallrye.mutiny.Uni;

/** Reading and erasing a user's profile. */
@ApplicationScoped
public class ProfileService {

    /** Day counters shown with a profile. */
    private static final int SHOWN_DAYS = 30;

    private final ProfileStore profiles;
    private final MembershipStore membership;
    private final MembershipPublisher publisher;
    private final SegmentConfig config;
    private final TimeSource time;

    public ProfileService(ProfileStore profiles, MembershipStore membership, MembershipPublisher publisher,
            SegmentConfig config, TimeSource time) {
        this.profiles = profiles;
        this.membership = membership;
        this.publisher = publisher;
        this.config = config;
        this.time = time;
    }

    public Uni<ProfileResponse> read(String appId, String userId) {
        return profiles.read(appId, userId, Math.min(SHOWN_DAYS, config.counterRetentionDays()), time.now())
                .map(state -> {
                    if (!state.profile().exists() && state.segments().isEmpty()) {
                        throw new NotFoundException("User");
                    }
                    return ProfileResponse.of(state.profile(), state.segments());
                });
    }

    /**
     * Erases the profile, its counters and memberships, then publishes {@code ERASED} with the segments the user
     * left. Events of the user still queued in Kafka would create a new profile: erasure is of what was stored.
     */
    public Uni<Void> erase(String appId, String userId) {
        Instant now = time.now();
        return profiles.erase(appId, userId, now).chain(erased -> {
            if (!erased.existed() && erased.segments().isEmpty()) {
                return Uni.createFrom().failure(new NotFoundException("User"));
            }
            Map<String, Long> sizes = new HashMap<>();
            erased.segments().forEach(id -> sizes.put(id, -1L));
            List<String> left = erased.segments().stream().sorted().toList();
            SegmentMembershipEvent event = new SegmentMembershipEvent(UUID.randomUUID().toString(),
                    MembershipChange.ERASED, appId, userId, null, 0, left, now);
            return membership.changeSizes(appId, sizes)
                    .chain(() -> erased.existed() ? profiles.countProfile(appId, -1) : Uni.createFrom().voidItem())
                    .chain(() -> membership.notDue(appId, userId))
                    .chain(() -> publisher.publish(List.of(event)));
        });
    }
}
