package dev.marquee.gateway.limits.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.marquee.gateway.limits.RateDecision;
import dev.marquee.gateway.limits.RateLimit;

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

    RateDecision take(String id, RateLimit limit, long nowMillis) {
        if (buckets.size() > MAX_BUCKETS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(id, ignored -> new Bucket(limit.capacity(), nowMillis));
        synchronized (bucket) {
            double rate = limit.refillPerSecond();
            bucket.tokens = Math.min(limit.capacity(), bucket.tokens + Math.max(0, nowMillis - bucket.at) * rate / 1000);
            bucket.at = nowMillis;
            boolean allowed = bucket.tokens >= 1;
            if (allowed) {
                bucket.tokens -= 1;
            }
            long untilOne = bucket.tokens >= 1 ? 0 : (long) Math.ceil((1 - bucket.tokens) * 1000 / rate);
            long untilFull = (long) Math.ceil((limit.capacity() - bucket.tokens) * 1000 / rate);
            return new RateDecision(allowed, limit.capacity(), (long) Math.floor(bucket.tokens), untilOne, untilFull,
                    true);
        }
    }
}
