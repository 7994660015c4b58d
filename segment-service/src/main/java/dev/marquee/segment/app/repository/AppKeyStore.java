package dev.marquee.segment.app.repository;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.segment.SegmentKeys;
import dev.marquee.segment.segment.repository.MembershipStore;
import dev.marquee.segment.store.ProfileKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * Everything this service keeps in Redis of a deleted app: each user's keys under the hash tag {@code {appId:userId}}
 * that are this service's (profile, counters, event ids, identify hand-offs, membership set: see {@link ProfileKeys}),
 * found by {@code SCAN}; the app's own hashes (profile count, segment sizes, build markers); and its users' entries in
 * the set of due re-checks. delivery-service's keys under the same hash tag are its to erase and are left alone. On
 * Redis Cluster a {@code SCAN} reaches one node (see the README).
 */
@ApplicationScoped
public class AppKeyStore {

    /** Keys per SCAN step: large enough that a keyspace of millions takes a few thousand round trips. */
    private static final String SCAN_COUNT = "1000";

    private final RedisAPI redis;
    private final MembershipStore membership;

    public AppKeyStore(RedisAPI redis, MembershipStore membership) {
        this.redis = redis;
        this.membership = membership;
    }

    /** Deletes them all; idempotent. Answers how many keys it deleted. */
    public Uni<Long> erase(String appId) {
        String match = "mq:{" + glob(appId) + ":*";
        List<String> appKeys = List.of(ProfileKeys.profileCount(appId), String.format(SegmentKeys.SEGMENTS_READY, appId),
                String.format(SegmentKeys.SEGMENT_SIZES, appId));
        return step(match, "0", 0L)
                .chain(users -> redis.unlink(appKeys).map(n -> users + n.toLong()))
                .call(() -> membership.forgetDue(appId));
    }

    private Uni<Long> step(String match, String cursor, long erased) {
        return redis.scan(List.of(cursor, "MATCH", match, "COUNT", SCAN_COUNT)).flatMap(page -> {
            String next = page.get(0).toString();
            List<String> keys = new ArrayList<>();
            for (Response key : page.get(1)) {
                String name = key.toString();
                if (ProfileKeys.ownedByThisService(name)) {
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

    /** The app id as a literal in a SCAN pattern: glob characters escaped. */
    private static String glob(String text) {
        return text.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
    }
}
