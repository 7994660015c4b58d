package dev.marquee.segment.profile.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.segment.config.SegmentConfig;
import dev.marquee.segment.config.TimeSource;
import dev.marquee.segment.error.NotFound;
import dev.marquee.segment.profile.StoredProfile;
import dev.marquee.segment.profile.repository.ProfileStore;
import io.smallrye.mutiny.Uni;

/** Reading a user's profile (erasing it, which reaches membership too, is {@code user.service.UserErasure}). */
@ApplicationScoped
public class ProfileService {

    /** Day counters shown with a profile. */
    private static final int SHOWN_DAYS = 30;

    private final ProfileStore profiles;
    private final SegmentConfig config;
    private final TimeSource time;

    public ProfileService(ProfileStore profiles, SegmentConfig config, TimeSource time) {
        this.profiles = profiles;
        this.config = config;
        this.time = time;
    }

    /** The profile with the segment ids Redis holds for the user; not found if neither exists. */
    public Uni<StoredProfile> read(String appId, String userId) {
        return profiles.read(appId, userId, Math.min(SHOWN_DAYS, config.counterRetentionDays()), time.now())
                .map(state -> {
                    if (!state.profile().exists() && state.segments().isEmpty()) {
                        throw new NotFound("User");
                    }
                    return new StoredProfile(state.profile(), state.segments());
                });
    }
}
