package dev.marquee.segment.profile.repository;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.contracts.user.UserEventType;
import dev.marquee.segment.config.SegmentConfig;
import dev.marquee.segment.profile.Profile;
import dev.marquee.segment.store.ProfileKeys;
import dev.marquee.segment.store.RedisScript;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/** Profiles, day counters and processed event ids in Redis, written and read by scripts on one user's keys. */
@ApplicationScoped
public class ProfileStore {

    /** A profile as just read, with the user's stored segment ids. */
    public record State(Profile profile, Set<String> segments, boolean fresh, boolean created) {
    }

    private static final RedisScript READ = new RedisScript("""
            local out = {redis.call('HGETALL', KEYS[1]), redis.call('SMEMBERS', KEYS[2])}
            for i = 3, #KEYS do out[#out + 1] = redis.call('HGETALL', KEYS[i]) end
            return out
            """);

    /*
     * De-duplicate on the event id, then apply: first/last seen (activity only, never moved backwards), day counters,
     * attributes. A duplicate is not applied but still read: the caller re-evaluates membership, which is how a batch
     * that failed half-way is completed on redelivery.
     */
    private static final RedisScript APPLY = new RedisScript(
            """
                    local fresh = redis.call('ZADD', KEYS[2], 'NX', ARGV[2], ARGV[1])
                    local created = 0
                    if fresh == 1 then
                      redis.call('ZREMRANGEBYSCORE', KEYS[2], '-inf', ARGV[3])
                      created = redis.call('HSETNX', KEYS[1], 'createdAt', ARGV[2])
                      if ARGV[5] == '1' then
                        local first = redis.call('HGET', KEYS[1], 'firstSeen')
                        if not first or tonumber(ARGV[4]) < tonumber(first) then redis.call('HSET', KEYS[1], 'firstSeen', ARGV[4]) end
                        local last = redis.call('HGET', KEYS[1], 'lastSeen')
                        if not last or tonumber(ARGV[4]) > tonumber(last) then redis.call('HSET', KEYS[1], 'lastSeen', ARGV[4]) end
                      end
                      local i = 8
                      local counters = tonumber(ARGV[7])
                      for j = 1, counters do redis.call('HINCRBY', KEYS[4], ARGV[i], 1); i = i + 1 end
                      if counters > 0 then redis.call('EXPIREAT', KEYS[4], ARGV[6]) end
                      local attributes = tonumber(ARGV[i]); i = i + 1
                      for j = 1, attributes do
                        if ARGV[i + 1] == '' then redis.call('HDEL', KEYS[1], ARGV[i]) else redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1]) end
                        i = i + 2
                      end
                    end
                    local out = {fresh, created, redis.call('HGETALL', KEYS[1]), redis.call('SMEMBERS', KEYS[3])}
                    for k = 5, #KEYS do out[#out + 1] = redis.call('HGETALL', KEYS[k]) end
                    return out
                    """);

    private static final RedisScript ERASE = new RedisScript("""
            local segments = redis.call('SMEMBERS', KEYS[3])
            local existed = redis.call('EXISTS', KEYS[1])
            redis.call('DEL', unpack(KEYS))
            return {existed, segments}
            """);

    private final RedisAPI redis;
    private final Redis client;
    private final ObjectMapper json;
    private final SegmentConfig config;

    public ProfileStore(RedisAPI redis, Redis client, ObjectMapper json, SegmentConfig config) {
        this.redis = redis;
        this.client = client;
        this.json = json;
        this.config = config;
    }

    /** An event to apply, the counter fields it increments and how many days of counters to read back. */
    public record Change(UserEvent event, List<String> counterFields, int readDays) {
    }

    /**
     * Applies each event once (by its id) and returns each profile with the day counters of the last
     * {@code readDays} days, in the order given. The scripts are pipelined: the events must be of different users (a
     * user's later event is applied in a later call, after its earlier one was evaluated).
     */
    public Uni<List<State>> applyAll(List<Change> changes, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        List<List<String>> calls = new ArrayList<>(changes.size());
        List<List<LocalDate>> daysOf = new ArrayList<>(changes.size());
        for (Change change : changes) {
            List<LocalDate> days = days(today, change.readDays());
            daysOf.add(days);
            calls.add(applyArgs(change, days, today, now));
        }
        return APPLY.runAll(client, calls).map(responses -> {
            List<State> states = new ArrayList<>(responses.size());
            for (int i = 0; i < responses.size(); i++) {
                Response r = responses.get(i);
                states.add(new State(profile(changes.get(i).event().userId(), r.get(2), daysOf.get(i), r, 4),
                        members(r.get(3)), r.get(0).toLong() == 1, r.get(1).toLong() == 1));
            }
            return states;
        });
    }

    private List<String> applyArgs(Change change, List<LocalDate> days, LocalDate today, Instant now) {
        UserEvent event = change.event();
        ProfileKeys keys = new ProfileKeys(event.appId(), event.userId());
        LocalDate day = LocalDate.ofInstant(event.occurredAt(), ZoneOffset.UTC);
        // a bucket past retention would expire at once (EXPIREAT in the past deletes the key): not counted
        boolean countable = day.isAfter(today.minusDays(config.counterRetentionDays()));
        List<String> args = new ArrayList<>();
        args.add(Integer.toString(4 + days.size()));
        args.add(keys.profile());
        args.add(keys.eventIds());
        args.add(keys.segments());
        args.add(keys.counts(day));
        days.forEach(d -> args.add(keys.counts(d)));
        args.add(event.eventId());
        args.add(Long.toString(now.toEpochMilli()));
        args.add(Long.toString(now.minus(config.dedupWindow()).toEpochMilli()));
        args.add(Long.toString(event.occurredAt().toEpochMilli()));
        args.add(event.type() == UserEventType.ATTRIBUTES ? "0" : "1");
        args.add(Long.toString(day.plusDays(config.counterRetentionDays() + 1L).atStartOfDay()
                .toEpochSecond(ZoneOffset.UTC)));
        List<String> counters = countable ? change.counterFields() : List.of();
        args.add(Integer.toString(counters.size()));
        args.addAll(counters);
        Map<String, Object> attributes = event.attributes() == null ? Map.of() : event.attributes();
        args.add(Integer.toString(attributes.size()));
        attributes.forEach((name, value) -> {
            args.add("a:" + name);
            args.add(value == null ? "" : toJson(value));
        });
        return args;
    }

    /** The profile with the day counters of the last {@code readDays} days, and the stored segment ids. */
    public Uni<State> read(String appId, String userId, int readDays, Instant now) {
        return readAll(appId, List.of(userId), readDays, now).map(states -> states.get(0));
    }

    /** {@link #read} for many users of one app, pipelined; states in the order of {@code userIds}. */
    public Uni<List<State>> readAll(String appId, List<String> userIds, int readDays, Instant now) {
        List<LocalDate> days = days(LocalDate.ofInstant(now, ZoneOffset.UTC), readDays);
        List<List<String>> calls = new ArrayList<>(userIds.size());
        for (String userId : userIds) {
            ProfileKeys keys = new ProfileKeys(appId, userId);
            List<String> args = new ArrayList<>();
            args.add(Integer.toString(2 + days.size()));
            args.add(keys.profile());
            args.add(keys.segments());
            days.forEach(d -> args.add(keys.counts(d)));
            calls.add(args);
        }
        return READ.runAll(client, calls).map(responses -> {
            List<State> states = new ArrayList<>(responses.size());
            for (int i = 0; i < responses.size(); i++) {
                Response r = responses.get(i);
                states.add(new State(profile(userIds.get(i), r.get(0), days, r, 2), members(r.get(1)), false, false));
            }
            return states;
        });
    }

    /** Deletes everything of the user's profile and membership; answers the segment ids it was a member of. */
    public Uni<Erased> erase(String appId, String userId, Instant now) {
        ProfileKeys keys = new ProfileKeys(appId, userId);
        List<String> args = new ArrayList<>();
        List<LocalDate> days = days(LocalDate.ofInstant(now, ZoneOffset.UTC), config.counterRetentionDays() + 2);
        args.add(Integer.toString(4 + days.size()));
        args.add(keys.profile());
        args.add(keys.eventIds());
        args.add(keys.segments());
        args.add(keys.identifiedAs());
        days.forEach(d -> args.add(keys.counts(d)));
        return ERASE.run(redis, args).map(r -> new Erased(r.get(0).toLong() == 1, members(r.get(1))));
    }

    public record Erased(boolean existed, Set<String> segments) {
    }

    /** The user's stored segment ids. */
    public Uni<Set<String>> segments(String appId, String userId) {
        return redis.smembers(new ProfileKeys(appId, userId).segments()).map(r -> {
            // a set under RESP3, an array under RESP2: both iterate
            Set<String> ids = new HashSet<>();
            if (r != null) {
                r.forEach(id -> ids.add(id.toString()));
            }
            return ids;
        });
    }

    public Uni<Void> countProfile(String appId, long delta) {
        return redis.incrby(ProfileKeys.profileCount(appId), Long.toString(delta)).replaceWithVoid();
    }

    public Uni<Long> profileCount(String appId) {
        return redis.get(ProfileKeys.profileCount(appId)).map(r -> r == null ? 0L : r.toLong());
    }

    /** One SCAN page of an app's profiles: the next cursor ("0" when done) and the user ids found. */
    public Uni<Page> scan(String appId, String cursor, int count) {
        return redis.scan(List.of(cursor, "MATCH", ProfileKeys.profilePattern(appId), "COUNT", Integer.toString(count)))
                .map(r -> {
                    List<String> users = new ArrayList<>();
                    Response keys = r.get(1);
                    for (int i = 0; i < keys.size(); i++) {
                        users.add(ProfileKeys.userIdOf(appId, keys.get(i).toString()));
                    }
                    return new Page(r.get(0).toString(), users);
                });
    }

    public record Page(String cursor, List<String> userIds) {
    }

    private static List<LocalDate> days(LocalDate today, int count) {
        List<LocalDate> days = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            days.add(today.minusDays(i));
        }
        return days;
    }

    private Profile profile(String userId, Response hash, List<LocalDate> days, Response all, int firstDay) {
        Map<String, JsonNode> attributes = new HashMap<>();
        Instant firstSeen = null;
        Instant lastSeen = null;
        for (int i = 0; i + 1 < hash.size(); i += 2) {
            String field = hash.get(i).toString();
            String value = hash.get(i + 1).toString();
            if (field.startsWith("a:")) {
                attributes.put(field.substring(2), fromJson(value));
            } else if (field.equals("firstSeen")) {
                firstSeen = Instant.ofEpochMilli(Long.parseLong(value));
            } else if (field.equals("lastSeen")) {
                lastSeen = Instant.ofEpochMilli(Long.parseLong(value));
            }
        }
        Map<LocalDate, Map<String, Long>> counts = new HashMap<>();
        for (int d = 0; d < days.size(); d++) {
            Response day = all.get(firstDay + d);
            if (day != null && day.size() > 0) {
                Map<String, Long> fields = new HashMap<>();
                for (int i = 0; i + 1 < day.size(); i += 2) {
                    fields.put(day.get(i).toString(), day.get(i + 1).toLong());
                }
                counts.put(days.get(d), fields);
            }
        }
        return new Profile(userId, attributes, firstSeen, lastSeen, counts);
    }

    private static Set<String> members(Response set) {
        Set<String> members = new HashSet<>();
        for (int i = 0; set != null && i < set.size(); i++) {
            members.add(set.get(i).toString());
        }
        return members;
    }

    private String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private JsonNode fromJson(String value) {
        try {
            return json.readTree(value);
        } catch (JsonProcessingException e) {
            return json.getNodeFactory().textNode(value);
        }
    }
}
