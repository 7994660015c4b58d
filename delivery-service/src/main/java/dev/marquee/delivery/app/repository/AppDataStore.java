package dev.marquee.delivery.app.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.segment.SegmentKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * Everything this service keeps in Redis of a deleted app: the per-user keys under the hash tag
 * {@code {appId:userId}} (caps, impressions, conversions, inbox, stream outbox, sessions, handled event ids), found by
 * {@code SCAN}. segment-service's keys under the same tag (the profile, {@link SegmentKeys#USER_SEGMENTS}) are its to
 * erase and left alone. Once done, a marker records it, so that replaying {@code app.events.v1} at start does not scan
 * again. On Redis Cluster a {@code SCAN} reaches one node: only that node's keys are erased (see the README).
 */
@ApplicationScoped
public class AppDataStore {

    /** Keys per SCAN step: large enough that a keyspace of millions takes a few thousand round trips. */
    private static final String SCAN_COUNT = "1000";

    private final RedisAPI redis;

    public AppDataStore(RedisAPI redis) {
        this.redis = redis;
    }

    /** The key that records that the app's data was erased. */
    public static String erasedMarker(String appId) {
        return "mq:app-erased:{" + appId + "}";
    }

    /** Whether {@link #erase} already ran to its end for this app. */
    public Uni<Boolean> erased(String appId) {
        return redis.exists(List.of(erasedMarker(appId))).map(found -> found != null && found.toLong() > 0);
    }

    /** Deletes the app's keys, a SCAN step at a time; idempotent. Returns how many keys it deleted. */
    public Uni<Long> erase(String appId) {
        return step("mq:{" + glob(appId) + ":*", "0", 0L);
    }

    /** Records that {@link #erase} ran to its end for the app (and its report went out). */
    public Uni<Void> markErased(String appId, Instant at) {
        return redis.set(List.of(erasedMarker(appId), at.toString())).replaceWithVoid();
    }

    private Uni<Long> step(String match, String cursor, long erased) {
        return redis.scan(List.of(cursor, "MATCH", match, "COUNT", SCAN_COUNT)).flatMap(page -> {
            String next = page.get(0).toString();
            List<String> keys = new ArrayList<>();
            for (Response key : page.get(1)) {
                String name = key.toString();
                if (ownedByThisService(name)) {
                    keys.add(name);
                }
            }
            Uni<Long> deleted = keys.isEmpty()
                    ? Uni.createFrom().item(0L)
                    : redis.unlink(keys).map(Response::toLong);
            return deleted.flatMap(n -> "0".equals(next)
                    ? Uni.createFrom().item(erased + n)
                    : step(match, next, erased + n));
        });
    }

    /** A per-user key of this service, not segment-service's profile or membership set under the same tag. */
    private static boolean ownedByThisService(String key) {
        return !key.endsWith("}:profile") && !key.endsWith("}:segments");
    }

    /** The app id as a literal in a SCAN pattern: glob characters escaped. */
    private static String glob(String text) {
        StringBuilder escaped = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '*' || c == '?' || c == '[' || c == ']' || c == '\\') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
