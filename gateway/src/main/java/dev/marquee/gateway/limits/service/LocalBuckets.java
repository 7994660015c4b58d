package dev.marquee.gateway.limits.service;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.marquee.gateway.limits.RateDecision;

/**
 * The same token buckets held by this instance alone: what limits requests while Redis is unreachable. Each instance
 * then allows the full rate, so the platform-wide limit is loose (times the instance count) but never absent.
 */
final class LocalBuckets {

    /** Beyond this many buckets the table starts over: an attacker's stream of fresh keys must not grow it forever. */
    static final int MAX_BUCKETS = 100_000;

    private static final class Bucket {
        double tokens;
        long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }
    }

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** All or none, as the Redis script: reports the bucket with the fewest tokens left. */
    synchronized RateDecision take(List<RateLimiter.Bucket> wanted, long nowMillis) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        boolean allowed = true;
        for (RateLimiter.Bucket want : wanted) {
            Bucket bucket = buckets.computeIfAbsent(want.id(), ignored -> new Bucket(want.limit().capacity(), nowMillis));
            double rate = want.limit().refillPerSecond();
            bucket.tokens = Math.min(want.limit().capacity(),
                    bucket.tokens + Math.max(0, nowMillis - bucket.at) * rate / 1000);
            bucket.at = nowMillis;
            allowed &= bucket.tokens >= 1;
        }
        RateDecision tightest = null;
        double fewest = Double.MAX_VALUE;
        for (RateLimiter.Bucket want : wanted) {
            Bucket bucket = buckets.get(want.id());
            if (allowed) {
                bucket.tokens -= 1;
            }
            if (bucket.tokens < fewest) {
                fewest = bucket.tokens;
                double rate = want.limit().refillPerSecond();
                long untilOne = bucket.tokens >= 1 ? 0 : (long) Math.ceil((1 - bucket.tokens) * 1000 / rate);
                long untilFull = (long) Math.ceil((want.limit().capacity() - bucket.tokens) * 1000 / rate);
                tightest = new RateDecision(allowed, want.limit().capacity(), (long) Math.floor(bucket.tokens), untilOne,
                        untilFull, true);
            }
        }
        return tightest;
    }
}
