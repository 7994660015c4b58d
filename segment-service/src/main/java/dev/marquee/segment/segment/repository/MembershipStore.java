package dev.marquee.segment.segment.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.segment.SegmentKeys;
import dev.marquee.segment.segment.BatchEffects;
import dev.marquee.segment.store.ProfileKeys;
import dev.marquee.segment.store.RedisPipeline;
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

    /** One user's membership change: segment ids to add and to remove. */
    public record Write(String appId, String userId, Collection<String> entered, Collection<String> exited) {
    }

    /**
     * Adds and removes each user's segment ids, pipelined; the size change of each segment that really changed is
     * added to {@code effects}.
     */
    public Uni<Void> writeAll(List<Write> writes, BatchEffects effects) {
        List<Write> effective = writes.stream().filter(w -> !w.entered().isEmpty() || !w.exited().isEmpty()).toList();
        List<List<String>> calls = new ArrayList<>(effective.size());
        for (Write write : effective) {
            List<String> args = new ArrayList<>();
            args.add("1");
            args.add(String.format(SegmentKeys.USER_SEGMENTS, write.appId(), write.userId()));
            args.add(Integer.toString(write.entered().size()));
            args.addAll(write.entered());
            args.addAll(write.exited());
            calls.add(args);
        }
        return WRITE.runAll(client, calls).invoke(responses -> {
            for (int i = 0; i < responses.size(); i++) {
                String appId = effective.get(i).appId();
                responses.get(i).get(0).forEach(id -> effects.size(appId, id.toString(), 1));
                responses.get(i).get(1).forEach(id -> effects.size(appId, id.toString(), -1));
            }
        }).replaceWithVoid();
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
        effects.newProfiles().forEach((appId, count) -> {
            if (count != 0) {
                requests.add(Request.cmd(Command.INCRBY).arg(ProfileKeys.profileCount(appId)).arg(count));
            }
        });
        if (!effects.due().isEmpty()) {
            Request zadd = Request.cmd(Command.ZADD).arg(DUE).arg("LT");
            effects.due().forEach((member, at) -> zadd.arg(at.toEpochMilli()).arg(member));
            requests.add(zadd);
        }
        return requests.isEmpty() ? Uni.createFrom().voidItem() : RedisPipeline.send(client, requests).replaceWithVoid();
    }

    public Uni<Void> changeSizes(String appId, Map<String, Long> delta) {
        if (delta.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String key = String.format(SegmentKeys.SEGMENT_SIZES, appId);
        List<Request> requests = new ArrayList<>();
        delta.forEach((id, d) -> requests.add(Request.cmd(Command.HINCRBY).arg(key).arg(id).arg(d)));
        return RedisPipeline.send(client, requests).replaceWithVoid();
    }

    /** Adds each user to the segment (static upload); answers the users that were not members yet. */
    public Uni<List<String>> addAll(String appId, String segmentId, List<String> userIds) {
        List<Request> requests = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            requests.add(Request.cmd(Command.SADD).arg(String.format(SegmentKeys.USER_SEGMENTS, appId, userId))
                    .arg(segmentId));
        }
        return RedisPipeline.send(client, requests).flatMap(responses -> {
            List<String> added = new ArrayList<>();
            for (int i = 0; i < responses.size(); i++) {
                if (responses.get(i).toLong() == 1) {
                    added.add(userIds.get(i));
                }
            }
            return changeSizes(appId, Map.of(segmentId, (long) added.size())).replaceWith(added);
        });
    }

    public Uni<Void> setSize(String appId, String segmentId, long size) {
        return redis.hset(List.of(String.format(SegmentKeys.SEGMENT_SIZES, appId), segmentId, Long.toString(size)))
                .replaceWithVoid();
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

    /** Forgets a deleted segment's marker and size; the user sets are cleared page by page ({@link #scanUsers}). */
    public Uni<Void> forget(String appId, String segmentId) {
        return clearReady(appId, segmentId)
                .chain(() -> redis.hdel(List.of(String.format(SegmentKeys.SEGMENT_SIZES, appId), segmentId)))
                .replaceWithVoid();
    }

    /** One SCAN page of an app's membership sets (never KEYS): the next cursor ("0" when done) and their users. */
    public Uni<Page> scanUsers(String appId, String cursor) {
        String escaped = appId.replaceAll("([*?\\[\\]\\\\])", "\\\\$1");
        String pattern = String.format(SegmentKeys.USER_SEGMENTS, escaped, "*");
        String prefix = "mq:{" + appId + ":";
        return redis.scan(List.of(cursor, "MATCH", pattern, "COUNT", "1000")).map(r -> {
            List<String> users = new ArrayList<>();
            for (Response key : r.get(1)) {
                String name = key.toString();
                users.add(name.substring(prefix.length(), name.length() - "}:segments".length()));
            }
            return new Page(r.get(0).toString(), users);
        });
    }

    public record Page(String cursor, List<String> userIds) {
    }

    /** The users of {@code userIds} whose set holds {@code segmentId}, pipelined. */
    public Uni<List<String>> membersAmong(String appId, String segmentId, List<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        List<Request> requests = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            requests.add(Request.cmd(Command.SISMEMBER).arg(String.format(SegmentKeys.USER_SEGMENTS, appId, userId))
                    .arg(segmentId));
        }
        return RedisPipeline.send(client, requests).map(responses -> {
            List<String> members = new ArrayList<>();
            for (int i = 0; i < responses.size(); i++) {
                if (responses.get(i).toLong() == 1) {
                    members.add(userIds.get(i));
                }
            }
            return members;
        });
    }

    /** Removes {@code segmentId} from each user's set, pipelined (sizes are the caller's business). */
    public Uni<Void> removeFrom(String appId, String segmentId, List<String> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Request> requests = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            requests.add(Request.cmd(Command.SREM).arg(String.format(SegmentKeys.USER_SEGMENTS, appId, userId))
                    .arg(segmentId));
        }
        return RedisPipeline.send(client, requests).replaceWithVoid();
    }

    public Uni<Void> notDue(String appId, String userId) {
        return notDue(appId, List.of(userId));
    }

    public Uni<Void> notDue(String appId, List<String> userIds) {
        List<String> args = new ArrayList<>(userIds.size() + 1);
        args.add(DUE);
        userIds.forEach(userId -> args.add(appId + " " + userId));
        return redis.zrem(args).replaceWithVoid();
    }

    /** Removes every due re-check of the app's users (a deleted app), a ZSCAN page at a time. */
    public Uni<Void> forgetDue(String appId) {
        String match = appId.replaceAll("([*?\\[\\]\\\\])", "\\\\$1") + " *";
        return forgetDue(match, "0");
    }

    private Uni<Void> forgetDue(String match, String cursor) {
        return redis.zscan(List.of(DUE, cursor, "MATCH", match, "COUNT", "1000")).chain(page -> {
            String next = page.get(0).toString();
            List<String> args = new ArrayList<>();
            args.add(DUE);
            // ZSCAN answers member, score, member, score…
            Response entries = page.get(1);
            for (int i = 0; i < entries.size(); i += 2) {
                args.add(entries.get(i).toString());
            }
            Uni<Void> removed = args.size() == 1 ? Uni.createFrom().voidItem() : redis.zrem(args).replaceWithVoid();
            return removed.chain(() -> "0".equals(next) ? Uni.createFrom().voidItem() : forgetDue(match, next));
        });
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
