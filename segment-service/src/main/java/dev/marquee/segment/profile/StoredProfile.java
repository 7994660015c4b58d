package dev.marquee.segment.profile;

import java.util.Set;

/** A user's profile as stored, with the ids of the segments Redis holds the user in. */
public record StoredProfile(Profile profile, Set<String> segments) {
}
