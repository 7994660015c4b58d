package dev.marquee.segment.segment.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.segment.SegmentKeys;
import dev.marquee.segment.profile.repository.ProfileKeys;
import dev.marquee.segment.segment.BatchEffects;
import dev.marquee.segment.store.RedisScript;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/** Segment membership in Redis: per user (one SET, see {@link SegmentKeys}), sizes, build markers, due re-checks. */
@ApplicationScoped
public class MembershipStore {

    /** ZSET of users whose time-relative rules may change result at the score (epoch millis): "appId userId". */
    static final String DUE = "mq:segment-due";

    /** Adds and removes in one step and answers which really changed, so that sizes stay exact under redelivery. */
    private static final RedisScript WRITE = new RedisScript("""
            local added, removed = {}, {}
            local adds = tonumber(ARGV[1])
            for i = 2, adds + 1 do
              if redis.call('SADD', KEYS[1], ARGV[i]) == 1 then added[#added + 1] = ARGV[i] end
            end
            for i = adds + 2, #ARGV do
              if redis.call('SREM', KEYS[1], ARGV[i]) == 1 then removed[#removed + 1] = ARGV[i] end
            end
            return {added, removed}
            """);

    private static final RedisScript READ_HASH = new RedisScript("return redis.call('HGETALL', KEYS[1])");

    private final RedisAPI redis;
    private final Redis client;

    public MembershipStore(RedisAPI redis, Redis client) {
        this.redis = redis;
        this.client = client;
    }

    /** Adds and removes the user's segment ids; answers the size change of each segment that really changed. */
    public Uni<Map<String, Long>> write(String appId, String userId, Collection<String> entered,
            Collection<String> exited) {
        if (entered.isEmpty() && exited.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<String> args = new ArrayList<>();
        args.add("1");
        args.add(String.format(SegmentKeys.USER_SEGMENTS, appId, userId));
        args.add(Integer.toString(entered.size()));
        args.addAll(entered);
        args.addAll(exited);
        return WRITE.run(redis, args).map(r -> {
            Map<String, Long> delta = new HashMap<>();
            r.get(0).forEach(id -> delta.merge(id.toString(), 1L, Long::sum));
            r.get(1).forEach(id -> delta.merge(id.toString(), -1L, Long::sum));
            return delta;
        });
    }

    /** Writes what a batch of evaluations summed up, in one pipelined round trip. */
    public Uni<Void> apply(BatchEffects effects) {
        List<Request> requests = new ArrayList<>();
        effects.sizes().forEach((appId, sizes) -> sizes.forEach((segmentId, delta) -> {
            if (delta != 0) {
                requests.add(Request.cmd(Command.HINCRBY).arg(String.format(SegmentKeys.SEGMENT_SIZES, appId))
                        .arg(segmentId).arg(delta));
            }
        }));
        effects.newProfiles().forEach((appId, count) -> requests
                .add(Request.cmd(Command.INCRBY).arg(ProfileKeys.profileCount(appId)).arg(count)));
        if (!effects.due().isEmpty()) {
            Request zadd = Request.cmd(Command.ZADD).arg(DUE).arg("LT");
            effects.due().forEach((member, at) -> zadd.arg(at.toEpochMilli()).arg(member));
            requests.add(zadd);
        }
        return requests.isEmpty() ? Uni.createFrom().voidItem() : client.batch(requests).replaceWithVoid();
    }

    public Uni<Void> changeSizes(String appId, Map<String, Long> delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String key = String.format(SegmentKeys.SEGMENT_SIZES, appId);
        List<Request> requests = new ArrayList<>();
        delta.forEach((id, d) -> requests.add(Request.cmd(Command.HINCRBY).arg(key).arg(id).arg(d)));
        return client.batch(requests).replaceWithVoid();
    }

    /** Adds each user to the segment (static upload); answers the users that were not members yet. */
    public Uni<List<String>> addAll(String appId, String segmentId, List<String> userIds) {
        List<Request> requests = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            requests.add(Request.cmd(Command.SADD).arg(String.format(SegmentKeys.USER_SEGMENTS, appId, userId))
                    .arg(segmentId));
        }
        return client.batch(requests).flatMap(responses -> {
            List<String> added = new ArrayList<>();
            for (int i = 0; i < responses.size(); i++) {
                if (responses.get(i).toLong() == 1) {
                    added.add(userIds.get(i));
                }
            }
            return changeSizes(appId, Map.of(segmentId, (long) added.size())).replaceWith(added);
        });
    }

    public Uni<Long> size(String appId, String segmentId) {
        return redis.hget(String.format(SegmentKeys.SEGMENT_SIZES, appId), segmentId)
                .map(r -> r == null ? 0L : Math.max(0L, r.toLong()));
    }

    /** Segment id → the definition version whose membership is complete. */
    public Uni<Map<String, Long>> readyVersions(String appId) {
        // through a script: HGETALL answers a map under RESP3 but a script's answer is always a flat array
        return READ_HASH.run(redis, List.of("1", String.format(SegmentKeys.SEGMENTS_READY, appId))).map(r -> {
            Map<String, Long> ready = new HashMap<>();
            for (int i = 0; i + 1 < r.size(); i += 2) {
                ready.put(r.get(i).toString(), r.get(i + 1).toLong());
            }
            return ready;
        });
    }

    public Uni<Void> markReady(String appId, String segmentId, long version) {
        return redis.hset(List.of(String.format(SegmentKeys.SEGMENTS_READY, appId), segmentId, Long.toString(version)))
                .replaceWithVoid();
    }

    /** The segment's membership is no longer known: readers treat it as "unknown" until the build marks it ready. */
    public Uni<Void> clearReady(String appId, String segmentId) {
        return redis.hdel(List.of(String.format(SegmentKeys.SEGMENTS_READY, appId), segmentId)).replaceWithVoid();
    }

    /** Forgets a deleted segment's marker and size; {@link #removeFromUsers} clears the user sets. */
    public Uni<Void> forget(String appId, String segmentId) {
        return clearReady(appId, segmentId)
                .chain(() -> redis.hdel(List.of(String.format(SegmentKeys.SEGMENT_SIZES, appId), segmentId)))
                .replaceWithVoid();
    }

    /** Removes a deleted segment from every user set of the app, page by page (SCAN, never KEYS). */
    public Uni<Void> removeFromUsers(String appId, String segmentId, String cursor) {
        String pattern = String.format(SegmentKeys.USER_SEGMENTS, appId.replaceAll("([*?\\[\\]\\\\])", "\\\\$1"), "*");
        return redis.scan(List.of(cursor, "MATCH", pattern, "COUNT", "1000")).flatMap(r -> {
            List<Request> requests = new ArrayList<>();
            for (Response key : r.get(1)) {
                requests.add(Request.cmd(Command.SREM).arg(key.toString()).arg(segmentId));
            }
            String next = r.get(0).toString();
            Uni<Void> page = requests.isEmpty() ? Uni.createFrom().voidItem() : client.batch(requests).replaceWithVoid();
            return "0".equals(next) ? page : page.chain(() -> removeFromUsers(appId, segmentId, next));
        });
    }

    public Uni<Void> notDue(String appId, String userId) {
        return redis.zrem(List.of(DUE, appId + " " + userId)).replaceWithVoid();
    }

    /** Up to {@code limit} users due at {@code now}, as {@code [appId, userId]}. */
    public Uni<List<String[]>> due(Instant now, int limit) {
        return redis.zrangebyscore(List.of(DUE, "-inf", Long.toString(now.toEpochMilli()), "LIMIT", "0",
                Integer.toString(limit))).map(r -> {
                    List<String[]> due = new ArrayList<>();
                    for (Response member : r) {
                        due.add(member.toString().split(" ", 2));
                    }
                    return due;
                });
    }
}
