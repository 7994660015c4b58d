package dev.marquee.delivery.user.repository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.delivery.store.RedisScript;
import dev.marquee.delivery.store.UserKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * Everything this service keeps of one user, for erasure: every key with the user's hash tag. Lifetime counts and
 * last-shown times, impressions (all and per campaign), conversions, every session's counters, inbox, outbox and its
 * sequence, the interaction markers and the ids of membership events already handled. The keys that are one per
 * campaign, session or interaction are found through the state hash and the sessions and interactions indexes, never
 * by scanning the keyspace.
 */
@ApplicationScoped
public class UserDataStore {

    /** A user being shown new campaigns between every two of this many calls is not a case to wait for. */
    private static final int ATTEMPTS = 5;

    private final RedisAPI redis;
    private final RedisScript eraseScript;

    public UserDataStore(RedisAPI redis) {
        this.redis = redis;
        this.eraseScript = RedisScript.load("lua/erase.lua");
    }

    /**
     * Deletes every key of the user, atomically. Idempotent. The script names the per-campaign, per-session and
     * per-interaction keys it was not given (all of them on the first call), and is called again with them.
     */
    public Uni<Void> erase(String appId, String userId) {
        return erase(new UserKeys(appId, userId), Set.of(), ATTEMPTS);
    }

    private Uni<Void> erase(UserKeys keys, Set<String> found, int attempts) {
        List<String> named = List.of(keys.campaignState(), keys.sessions(), keys.interactions(), keys.impressions(),
                keys.conversions(), keys.inbox(), keys.outbox(), keys.outboxSequence(), keys.membershipEvents());
        List<String> all = new ArrayList<>(named.size() + found.size());
        all.addAll(named);
        all.addAll(found);
        return eraseScript.run(redis, all, List.of(keys.keyPrefix())).chain(missing -> {
            if (missing.size() == 0) {
                return Uni.createFrom().voidItem();
            }
            if (attempts <= 1) {
                return Uni.createFrom().failure(new IllegalStateException("user " + keys.userId()
                        + " kept being shown new campaigns while being erased"));
            }
            Set<String> more = new LinkedHashSet<>(found);
            for (Response key : missing) {
                more.add(key.toString());
            }
            return erase(keys, more, attempts - 1);
        });
    }
}
