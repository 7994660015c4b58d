package dev.marquee.gateway.limits.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.gateway.config.GatewayConfig;
import dev.marquee.gateway.limits.RateDecision;
import dev.marquee.gateway.limits.RateLimit;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * Token buckets shared by every gateway instance: one Lua script per request ({@code limits/token-bucket.lua}, run by
 * its SHA-1 through {@link RedisScript}), atomic in Redis. Keys are {@code mq:rate:{<credential id>}} and, for the
 * buckets of that credential's users, {@code mq:rate:{<credential id>}:u:<hash>}. If Redis does not answer
 * within {@code redis-timeout}, the request is decided by this instance's own buckets instead (fail open locally: the
 * limits loosen, the edge keeps serving). Never fails.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);
    private static final long WARN_EVERY_MILLIS = 30_000;

    private final RedisAPI redis;
    private final Duration timeout;
    /** Where every bucket key starts, as every Marquee service's Redis keys start with {@code mq:}. */
    static final String KEY_PREFIX = "mq:rate:";

    private final RedisScript script = RedisScript.load("/limits/token-bucket.lua");
    private final LocalBuckets local = new LocalBuckets();
    private volatile long lastWarning;

    public RateLimiter(RedisAPI redis, GatewayConfig config) {
        this.redis = redis;
        this.timeout = config.rateLimits().redisTimeout();
    }

    /** Takes one token of bucket {@code id} (a credential id), shaped by {@code limit}. */
    public Uni<RateDecision> take(String id, RateLimit limit) {
        return take(List.of(new Bucket(id, limit)));
    }

    /** One bucket: its id and shape. */
    public record Bucket(String id, RateLimit limit) {
    }

    /**
     * Takes one token of each bucket, all or none (one Lua script, atomic in Redis); the decision reports the bucket
     * with the fewest tokens left. All buckets of one call must share their first id's hash tag.
     */
    public Uni<RateDecision> take(List<Bucket> buckets) {
        // a hash tag, so that on Redis Cluster the buckets of one credential are always on one node
        String tag = KEY_PREFIX + "{" + buckets.get(0).id().split(":", 2)[0] + "}";
        List<String> keys = new ArrayList<>(buckets.size());
        List<String> args = new ArrayList<>(2 * buckets.size());
        for (Bucket bucket : buckets) {
            String id = bucket.id();
            int sub = id.indexOf(':');
            keys.add(sub < 0 ? tag : tag + id.substring(sub));
            args.add(Integer.toString(bucket.limit().capacity()));
            args.add(Double.toString(bucket.limit().refillPerSecond()));
        }
        // the timeout covers a NOSCRIPT reload too: the edge never waits longer for Redis than redis-timeout
        return script.run(redis, keys, args)
                .ifNoItem().after(timeout).fail()
                .map(answer -> decision(answer, buckets))
                .onFailure().recoverWithItem(e -> {
                    warn(e);
                    return local.take(buckets, System.currentTimeMillis());
                });
    }

    private static RateDecision decision(Response answer, List<Bucket> buckets) {
        int tightest = answer.size() > 4 ? answer.get(4).toInteger() - 1 : 0;
        return new RateDecision(answer.get(0).toInteger() == 1, buckets.get(tightest).limit().capacity(),
                answer.get(1).toLong(), answer.get(2).toLong(), answer.get(3).toLong(), false);
    }

    private void warn(Throwable e) {
        long now = System.currentTimeMillis();
        if (now - lastWarning > WARN_EVERY_MILLIS) {
            lastWarning = now;
            LOG.warnf("rate limits: Redis unavailable (%s); limiting with this instance's buckets alone", e.toString());
        }
    }
}
