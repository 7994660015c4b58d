package dev.marquee.delivery.user.repository;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.delivery.decision.repository.LuaScript;
import dev.marquee.delivery.decision.repository.UserKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * Everything this service keeps of one user, for erasure. Not erased here: the user's session counters, the ids of
 * interactions and membership events already handled (all expire by themselves within days, and hold counts and ids,
 * no attribute) and the stream's sequence number (kept so that a device resuming with an older {@code Last-Event-ID}
 * is not sent stale ids; it expires with the outbox's TTL).
 */
@ApplicationScoped
public class UserDataStore {

    /** A user being shown new campaigns between every two of this many calls is not a case to wait for. */
    private static final int ATTEMPTS = 5;

    private final RedisAPI redis;
    private final String eraseScript;

    public UserDataStore(RedisAPI redis) {
        this.redis = redis;
        this.eraseScript = LuaScript.load("lua/erase.lua");
    }

    /**
     * Deletes the user's counters, impressions, conversions, inbox and outbox, atomically. Idempotent. The script names
     * the campaigns whose impressions sets it was not given (all of them on the first call), and is called again with
     * them.
     */
    public Uni<Void> erase(String appId, String userId) {
        return erase(new UserKeys(appId, userId), Set.of(), ATTEMPTS);
    }

    private Uni<Void> erase(UserKeys keys, Set<String> campaignIds, int attempts) {
        List<String> args = new ArrayList<>();
        args.add(eraseScript);
        args.add(Integer.toString(5 + campaignIds.size()));
        args.add(keys.campaignState());
        args.add(keys.impressions());
        args.add(keys.conversions());
        args.add(keys.inbox());
        args.add(keys.outbox());
        campaignIds.forEach(id -> args.add(keys.impressions(id)));
        args.addAll(campaignIds);
        return redis.eval(args).chain(missing -> {
            if (missing.size() == 0) {
                return Uni.createFrom().voidItem();
            }
            if (attempts <= 1) {
                return Uni.createFrom().failure(new IllegalStateException("user " + keys.userId()
                        + " kept being shown new campaigns while being erased"));
            }
            Set<String> more = new LinkedHashSet<>(campaignIds);
            for (Response id : missing) {
                more.add(id.toString());
            }
            return erase(keys, more, attempts - 1);
        });
    }
}
