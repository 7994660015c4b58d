package dev.marquee.segment.store;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import dev.marquee.contracts.segment.SegmentKeys;

/**
 * The Redis keys of one user's profile. All share the hash tag {@code {appId:userId}} with
 * {@link SegmentKeys#USER_SEGMENTS}, so one script reads and writes them together (and on Redis Cluster they live in
 * one slot). Storage plumbing shared by the profile, segment and app features, so it lives in {@code store}; the key
 * names are read by delivery-service too and must not change.
 */
public record ProfileKeys(String appId, String userId) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** HASH: {@code a:<name>} → attribute as JSON, {@code firstSeen}/{@code lastSeen} → epoch millis. */
    public String profile() {
        return "mq:{" + appId + ":" + userId + "}:profile";
    }

    /** ZSET of processed event ids (score: when), trimmed to the de-duplication window. */
    public String eventIds() {
        return "mq:{" + appId + ":" + userId + "}:event-ids";
    }

    /** HASH for one UTC day: counter field ({@code event} or {@code event#filterId}) → count; expires with retention. */
    public String counts(LocalDate day) {
        return "mq:{" + appId + ":" + userId + "}:counts:" + DAY.format(day);
    }

    /**
     * HASH: what an identify moved out of this (anonymous) profile, kept until it is merged into the known user's, so
     * a retried merge moves the same data once. Named by the identify event's id.
     */
    public String handoff(String eventId) {
        return "mq:{" + appId + ":" + userId + "}:handoff:" + eventId;
    }

    /**
     * STRING on an anonymous id: the user it was first identified as. An identify that names it for anyone else is not
     * merged (a device's anonymous history belongs to one user).
     */
    public String identifiedAs() {
        return "mq:{" + appId + ":" + userId + "}:identified-as";
    }

    public String segments() {
        return String.format(SegmentKeys.USER_SEGMENTS, appId, userId);
    }

    /** The glob that SCAN uses to find every profile of an app. */
    public static String profilePattern(String appId) {
        return "mq:{" + globEscaped(appId) + ":*}:profile";
    }

    /** The user id of a profile key found by {@link #profilePattern(String)}. */
    public static String userIdOf(String appId, String profileKey) {
        String prefix = "mq:{" + appId + ":";
        return profileKey.substring(prefix.length(), profileKey.length() - "}:profile".length());
    }

    public static String profileCount(String appId) {
        return "mq:{" + appId + "}:profile-count";
    }

    /**
     * Whether a key under a user's hash tag {@code {appId:userId}} is this service's ({@link #profile()},
     * {@link #eventIds()}, {@link #counts}, {@link #handoff}, {@link #identifiedAs()}, {@link #segments()}), not
     * delivery-service's.
     */
    public static boolean ownedByThisService(String key) {
        int tagEnd = key.lastIndexOf("}:");
        if (tagEnd < 0) {
            return false;
        }
        String kind = key.substring(tagEnd + 2);
        return kind.equals("profile") || kind.equals("event-ids") || kind.startsWith("counts:")
                || kind.startsWith("handoff:") || kind.equals("identified-as") || kind.equals("segments");
    }

    private static String globEscaped(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
