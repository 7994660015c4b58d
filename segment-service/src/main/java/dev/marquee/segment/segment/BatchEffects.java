package dev.marquee.segment.segment;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a batch of evaluations changes outside the users' own keys: segment sizes, profile counts and due re-checks.
 * Summed over the batch and written in one pipelined round trip, instead of three more commands per event; they live
 * in other hash slots than the user's keys anyway, so they could not join the user's script.
 */
public final class BatchEffects {

    private final Map<String, Map<String, Long>> sizes = new ConcurrentHashMap<>();
    private final Map<String, Long> newProfiles = new ConcurrentHashMap<>();
    private final Map<String, Instant> due = new ConcurrentHashMap<>();

    public void size(String appId, String segmentId, long delta) {
        sizes.computeIfAbsent(appId, a -> new ConcurrentHashMap<>()).merge(segmentId, delta, Long::sum);
    }

    public void newProfile(String appId) {
        newProfiles.merge(appId, 1L, Long::sum);
    }

    /** A profile merged into another and removed (identify). */
    public void removedProfile(String appId) {
        newProfiles.merge(appId, -1L, Long::sum);
    }

    /** Keeps the earliest instant per user. */
    public void dueAt(String appId, String userId, Instant at) {
        due.merge(appId + " " + userId, at, (a, b) -> a.isBefore(b) ? a : b);
    }

    public Map<String, Map<String, Long>> sizes() {
        return sizes;
    }

    public Map<String, Long> newProfiles() {
        return newProfiles;
    }

    /** "appId userId" → when to re-check. */
    public Map<String, Instant> due() {
        return due;
    }
}
