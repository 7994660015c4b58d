package dev.marquee.segment;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.segment.SegmentKeys;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/** Reads membership straight from Redis, as delivery-service will, to assert on stored state. */
@ApplicationScoped
public class RedisProbe {

    private final RedisAPI redis;

    public RedisProbe(RedisAPI redis) {
        this.redis = redis;
    }

    public Set<String> segmentsOf(String appId, String userId) {
        Response members = redis.smembers(String.format(SegmentKeys.USER_SEGMENTS, appId, userId)).await()
                .indefinitely();
        Set<String> ids = new HashSet<>();
        members.forEach(m -> ids.add(m.toString()));
        return ids;
    }

    public String readyVersion(String appId, String segmentId) {
        Response version = redis.hget(String.format(SegmentKeys.SEGMENTS_READY, appId), segmentId).await()
                .indefinitely();
        return version == null ? null : version.toString();
    }

    /** Deletes a segment's build marker and one user's membership, as a Redis data loss would. */
    public void forgetMembership(String appId, String segmentId, String userId) {
        redis.hdel(List.of(String.format(SegmentKeys.SEGMENTS_READY, appId), segmentId)).await().indefinitely();
        redis.del(List.of(String.format(SegmentKeys.USER_SEGMENTS, appId, userId))).await().indefinitely();
    }

    public long keysOf(String appId, String userId) {
        Response keys = redis.keys("mq:{" + appId + ":" + userId + "}*").await().indefinitely();
        return keys.size();
    }

    public void set(String key, String value) {
        redis.set(List.of(key, value)).await().indefinitely();
    }

    /** Every key matching the glob, sorted (KEYS: tests only). */
    public List<String> keysMatching(String glob) {
        List<String> names = new java.util.ArrayList<>();
        redis.keys(glob).await().indefinitely().forEach(k -> names.add(k.toString()));
        java.util.Collections.sort(names);
        return names;
    }
}
