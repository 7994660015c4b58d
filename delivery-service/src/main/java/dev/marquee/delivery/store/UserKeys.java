package dev.marquee.delivery.store;

import dev.marquee.contracts.segment.SegmentKeys;

/**
 * The Redis keys of one user. All share the hash tag {@code {appId:userId}} with segment-service's membership and
 * profile keys ({@link SegmentKeys}), so one script reads and writes them together and, on Redis Cluster, in one slot.
 */
public record UserKeys(String appId, String userId) {

    private String prefix() {
        return "mq:{" + appId + ":" + userId + "}:";
    }

    public String segments() {
        return String.format(SegmentKeys.USER_SEGMENTS, appId, userId);
    }

    /** segment-service's profile: HASH {@code a:<name>} → attribute as JSON. */
    public String profile() {
        return prefix() + "profile";
    }

    /** HASH {@code life:<campaignId>} → impressions ever, {@code last:<campaignId>} → last at (ms), {@code seq}. */
    public String campaignState() {
        return prefix() + "delivery";
    }

    /** HASH {@code all} → impressions in the session, {@code c:<campaignId>} → per campaign; expires. */
    public String session(String sessionId) {
        return prefix() + "session:" + (sessionId == null ? "" : sessionId);
    }

    /** ZSET of impressions, member {@code campaignId|at|seq|version|variant}, score at (ms). */
    public String impressions() {
        return prefix() + "impressions";
    }

    /** ZSET of one campaign's impressions, as in {@link #impressions()}: what its rolling cap counts. */
    public String impressions(String campaignId) {
        return prefix() + "impressions:" + campaignId;
    }

    /** HASH impression member → conversion already emitted for it. */
    public String conversions() {
        return prefix() + "conversions";
    }

    /** HASH {@code c:<campaignId>} → card JSON, {@code read:<campaignId>} / {@code archived:<campaignId>} → ms. */
    public String inbox() {
        return prefix() + "inbox";
    }

    /** ZSET of server-triggered messages waiting for or sent over the stream, score = their sequence number. */
    public String outbox() {
        return prefix() + "outbox";
    }

    /** STRING: the last sequence number of {@link #outbox()}, the SSE event id. */
    public String outboxSequence() {
        return prefix() + "outbox-seq";
    }

    /**
     * ZSET of this user's session keys ({@link #session(String)}), score = when the session's counters expire (ms):
     * what lets an erasure find every session of the user without scanning the keyspace.
     */
    public String sessions() {
        return prefix() + "sessions";
    }

    /** ZSET of the segment membership event ids already handled, score = when (ms); trimmed to how long they count. */
    public String membershipEvents() {
        return prefix() + "membership-events";
    }

    /** STRING per interaction event id: {@code pending} while being published, then {@code published}. */
    public String interaction(String eventId) {
        return prefix() + "interaction:" + eventId;
    }

    /**
     * ZSET of the interaction event ids claimed ({@link #interaction(String)}), score = when (ms): what lets an
     * erasure find every interaction marker of the user without scanning the keyspace.
     */
    public String interactions() {
        return prefix() + "interactions";
    }

    /** The prefix of every key of the user: the erasure script derives per-campaign and per-id keys from it. */
    public String keyPrefix() {
        return prefix();
    }
}
