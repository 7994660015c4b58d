package dev.marquee.segment.profile.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.segment.config.SegmentConfig;
import dev.marquee.segment.store.ProfileKeys;
import dev.marquee.segment.store.RedisScript;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/**
 * Merges an anonymous profile into a known user's when an identify names both. The two profiles have different hash
 * tags ({@code {appId:anonymousId}}, {@code {appId:userId}}), so no one script may touch both (Redis Cluster slots).
 * The merge is therefore three idempotent steps, each atomic on one user's keys:
 * <ol>
 * <li>{@link #detach}: on the anonymous user's keys, move its profile and day counters into a hand-off hash named
 * after the identify event (only if that hash does not exist yet: a retry gets the same data, never moves twice);
 * answer the hand-off and the anonymous user's segment ids;</li>
 * <li>{@link #mergeInto}: on the known user's keys, once per identify event id (a marker in its processed event ids):
 * attributes it lacks are taken (the known user's own values win), day counters are added, first seen is the
 * earlier and last seen the later of the two;</li>
 * <li>{@link #dropHandoff}: the hand-off hash is deleted (it also expires on its own).</li>
 * </ol>
 * A crash between steps is completed by the redelivered identify: step 1 answers the hand-off kept, step 2 is skipped
 * if its marker is there. Counters are moved, not copied, so a later identify of the same anonymous id moves only
 * what happened since.
 */
@ApplicationScoped
public class ProfileMerge {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * KEYS: anonymous profile, hand-off, segments, identified-as marker, then day buckets; ARGV: hand-off TTL, known
     * user id, then the bucket day names. Answers {-1} when the anonymous id was already identified as another user.
     */
    private static final RedisScript DETACH = new RedisScript("""
            local owner = redis.call('GET', KEYS[4])
            if owner and owner ~= ARGV[2] then return {-1, {}, {}} end
            redis.call('SET', KEYS[4], ARGV[2])
            local now = 0
            if redis.call('EXISTS', KEYS[2]) == 0 then
              local profile = redis.call('HGETALL', KEYS[1])
              for i = 1, #profile, 2 do redis.call('HSET', KEYS[2], 'p:' .. profile[i], profile[i + 1]) end
              for k = 5, #KEYS do
                local day = redis.call('HGETALL', KEYS[k])
                for i = 1, #day, 2 do redis.call('HSET', KEYS[2], 'c:' .. ARGV[k - 2] .. ':' .. day[i], day[i + 1]) end
              end
              redis.call('HSET', KEYS[2], 'detached', '1')
              redis.call('EXPIRE', KEYS[2], ARGV[1])
              now = redis.call('DEL', KEYS[1])
              for k = 5, #KEYS do redis.call('DEL', KEYS[k]) end
            end
            return {now, redis.call('HGETALL', KEYS[2]), redis.call('SMEMBERS', KEYS[3])}
            """);

    /*
     * KEYS: profile, event ids, then day buckets. ARGV: marker, now, dedup horizon, first seen or '', last seen or '',
     * attribute count, (field, json)..., then per bucket: expire-at, counter count, (field, count)...
     */
    private static final RedisScript MERGE = new RedisScript("""
            if redis.call('ZADD', KEYS[2], 'NX', ARGV[2], ARGV[1]) == 0 then return {0, 0} end
            redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
            local created = redis.call('HSETNX', KEYS[1], 'createdAt', ARGV[2])
            if ARGV[4] ~= '' then
              local first = redis.call('HGET', KEYS[1], 'firstSeen')
              if not first or tonumber(ARGV[4]) < tonumber(first) then redis.call('HSET', KEYS[1], 'firstSeen', ARGV[4]) end
            end
            if ARGV[5] ~= '' then
              local last = redis.call('HGET', KEYS[1], 'lastSeen')
              if not last or tonumber(ARGV[5]) > tonumber(last) then redis.call('HSET', KEYS[1], 'lastSeen', ARGV[5]) end
            end
            local i = 7
            for j = 1, tonumber(ARGV[6]) do redis.call('HSETNX', KEYS[1], ARGV[i], ARGV[i + 1]); i = i + 2 end
            for k = 3, #KEYS do
              local expireAt = ARGV[i]
              local n = tonumber(ARGV[i + 1]); i = i + 2
              for j = 1, n do redis.call('HINCRBY', KEYS[k], ARGV[i], ARGV[i + 1]); i = i + 2 end
              redis.call('EXPIREAT', KEYS[k], expireAt)
            end
            return {1, created}
            """);

    /** What was moved out of the anonymous profile. */
    public record Handoff(boolean refused, boolean profileRemoved, Map<String, String> attributes, String firstSeen,
            String lastSeen,
            Map<LocalDate, Map<String, Long>> counts, Set<String> segments) {

        public boolean empty() {
            return attributes.isEmpty() && firstSeen == null && lastSeen == null && counts.isEmpty();
        }
    }

    private final RedisAPI redis;
    private final SegmentConfig config;

    public ProfileMerge(RedisAPI redis, SegmentConfig config) {
        this.redis = redis;
        this.config = config;
    }

    /**
     * Step 1. Refused (nothing moved) when the anonymous id was already identified as another user: a device's
     * anonymous profile belongs to the first user it was identified as, never to whoever names it later.
     */
    public Uni<Handoff> detach(String appId, String anonymousId, String userId, String eventId, Instant now) {
        ProfileKeys keys = new ProfileKeys(appId, anonymousId);
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<LocalDate> days = new ArrayList<>();
        for (int i = 0; i < config.counterRetentionDays() + 2; i++) {
            days.add(today.minusDays(i));
        }
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(4 + days.size()));
        args.add(keys.profile());
        args.add(keys.handoff(eventId));
        args.add(keys.segments());
        args.add(keys.identifiedAs());
        days.forEach(d -> args.add(keys.counts(d)));
        args.add(Long.toString(config.dedupWindow().toSeconds()));
        args.add(userId);
        days.forEach(d -> args.add(DAY.format(d)));
        return DETACH.run(redis, args).map(r -> {
            if (r.get(0).toLong() == -1) {
                return new Handoff(true, false, Map.of(), null, null, Map.of(), Set.of());
            }
            Map<String, String> attributes = new HashMap<>();
            Map<LocalDate, Map<String, Long>> counts = new HashMap<>();
            String firstSeen = null;
            String lastSeen = null;
            Response hash = r.get(1);
            for (int i = 0; i + 1 < hash.size(); i += 2) {
                String field = hash.get(i).toString();
                String value = hash.get(i + 1).toString();
                if (field.startsWith("p:a:")) {
                    attributes.put(field.substring(2), value);
                } else if (field.equals("p:firstSeen")) {
                    firstSeen = value;
                } else if (field.equals("p:lastSeen")) {
                    lastSeen = value;
                } else if (field.startsWith("c:")) {
                    int colon = field.indexOf(':', 2);
                    LocalDate day = LocalDate.parse(field.substring(2, colon), DAY);
                    counts.computeIfAbsent(day, d -> new HashMap<>()).put(field.substring(colon + 1),
                            Long.parseLong(value));
                }
            }
            Set<String> segments = new HashSet<>();
            r.get(2).forEach(id -> segments.add(id.toString()));
            return new Handoff(false, r.get(0).toLong() == 1, attributes, firstSeen, lastSeen, counts, segments);
        });
    }

    /** Answers whether the known user's profile was created by the merge. */
    public Uni<Boolean> mergeInto(String appId, String userId, String eventId, Handoff handoff, Instant now) {
        ProfileKeys keys = new ProfileKeys(appId, userId);
        List<String> keyArgs = new ArrayList<>();
        keyArgs.add(keys.profile());
        keyArgs.add(keys.eventIds());
        List<String> args = new ArrayList<>();
        args.add("merge:" + eventId);
        args.add(Long.toString(now.toEpochMilli()));
        args.add(Long.toString(now.minus(config.dedupWindow()).toEpochMilli()));
        args.add(handoff.firstSeen() == null ? "" : handoff.firstSeen());
        args.add(handoff.lastSeen() == null ? "" : handoff.lastSeen());
        args.add(Integer.toString(handoff.attributes().size()));
        handoff.attributes().forEach((field, value) -> {
            args.add(field);
            args.add(value);
        });
        handoff.counts().forEach((day, fields) -> {
            keyArgs.add(keys.counts(day));
            args.add(Long.toString(day.plusDays(config.counterRetentionDays() + 1L).atStartOfDay()
                    .toEpochSecond(ZoneOffset.UTC)));
            args.add(Integer.toString(fields.size()));
            fields.forEach((field, count) -> {
                args.add(field);
                args.add(Long.toString(count));
            });
        });
        List<String> all = new ArrayList<>();
        all.add(Integer.toString(keyArgs.size()));
        all.addAll(keyArgs);
        all.addAll(args);
        return MERGE.run(redis, all).map(r -> r.get(1).toLong() == 1);
    }

    public Uni<Void> dropHandoff(String appId, String anonymousId, String eventId) {
        return redis.del(List.of(new ProfileKeys(appId, anonymousId).handoff(eventId))).replaceWithVoid();
    }
}
