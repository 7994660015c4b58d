package dev.marquee.segment.user.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.segment.profile.Profile;
import dev.marquee.segment.profile.StoredProfile;

/**
 * A user's profile: attributes, first/last seen, event counts per UTC day over the last 30 days (event name → day →
 * count; filtered counters {@code name#id} included) and the segment ids Redis holds for the user.
 */
public record ProfileResponse(
        String userId,
        Map<String, JsonNode> attributes,
        Instant firstSeen,
        Instant lastSeen,
        Map<String, Map<LocalDate, Long>> events,
        Set<String> segments) {

    public static ProfileResponse of(StoredProfile stored) {
        Profile profile = stored.profile();
        Map<String, Map<LocalDate, Long>> events = new TreeMap<>();
        profile.counts().forEach((day, fields) -> fields.forEach(
                (field, count) -> events.computeIfAbsent(field, f -> new TreeMap<>()).put(day, count)));
        return new ProfileResponse(profile.userId(), new TreeMap<>(profile.attributes()), profile.firstSeen(),
                profile.lastSeen(), events, new TreeSet<>(stored.segments()));
    }
}
