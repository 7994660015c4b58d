package dev.marquee.delivery.user.repository;

import java.time.Duration;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.delivery.store.RedisScript;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;

/**
 * Event ids already handled for a user (membership events acted on), one sorted set per user and purpose
 * ({@code UserKeys#membershipEvents()}) rather than a key per id: an erasure deletes it with the user's other keys.
 */
@ApplicationScoped
public class HandledIds {

    private final RedisAPI redis;
    private final RedisScript claimScript;

    public HandledIds(RedisAPI redis) {
        this.redis = redis;
        this.claimScript = RedisScript.load("lua/handled.lua");
    }

    /** True the first time {@code eventId} is claimed in {@code key} within {@code memory}. */
    public Uni<Boolean> claim(String key, String eventId, Duration memory) {
        return claimScript.run(redis, List.of(key), List.of(eventId, Long.toString(System.currentTimeMillis()),
                Long.toString(memory.toMillis()))).map(r -> r != null && r.toLong() == 1);
    }

    /** Gives a claim back (its handling failed), so that a retry handles the event. */
    public Uni<Void> release(String key, String eventId) {
        return redis.zrem(List.of(key, eventId)).replaceWithVoid();
    }
}
