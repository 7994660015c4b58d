package dev.marquee.delivery.stream.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.error.Unavailable;
import dev.marquee.delivery.error.Unavailable.Dependency;
import dev.marquee.delivery.store.RedisScript;
import dev.marquee.delivery.store.StoredProfile;
import dev.marquee.delivery.store.UserKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;

/**
 * Server-triggered messages per user, in Redis: appended with a per-user sequence number (the SSE event id, so a
 * reconnecting SDK resumes after {@code Last-Event-ID}), announced on one pub/sub channel to every instance, kept until
 * their TTL.
 */
@ApplicationScoped
public class OutboxStore {

    /** The pub/sub channel announcing {@code appId \t userId} of a new outbox entry. */
    public static final String CHANNEL = "mq:delivery:outbox";
    private static final int MAX_ENTRIES = 100;

    private final RedisAPI redis;
    private final ObjectMapper json;
    private final RedisScript script;
    private final RedisScript pendingScript;
    private final Duration timeout;

    public OutboxStore(RedisAPI redis, ObjectMapper json, DeliveryConfig config) {
        this.redis = redis;
        this.json = json;
        this.script = RedisScript.load("lua/outbox.lua");
        this.pendingScript = RedisScript.load("lua/pending.lua");
        this.timeout = config.redisTimeout();
    }

    /**
     * Appends {@code payload} (a JSON object) and answers its sequence number. The stored entry gains {@code id} (the
     * sequence number) and {@code expiresAt} (epoch ms, after which no stream delivers it).
     */
    public Uni<Long> append(String appId, String userId, String payload, Duration ttl) {
        UserKeys keys = new UserKeys(appId, userId);
        long seconds = Math.max(1, ttl.toSeconds());
        long expiresAt = Instant.now().plusSeconds(seconds).toEpochMilli();
        return script.run(redis, List.of(keys.outbox(), keys.outboxSequence()), List.of(payload,
                Long.toString(seconds), Long.toString(expiresAt), CHANNEL, appId + "\t" + userId,
                Integer.toString(MAX_ENTRIES)))
                .ifNoItem().after(timeout).fail()
                .onFailure().transform(e -> new Unavailable(Dependency.REDIS, "The message store did not answer", e))
                .map(r -> r.toLong());
    }

    /**
     * What waits for a stream: the stored JSON entries (with their {@code id} and {@code expiresAt}, expired ones
     * included), the user's profile attributes, and the sequence number they follow: lower than the one asked for
     * when the sequence started over since (the user was erased, or the outbox expired).
     */
    public record Pending(List<String> entries, Map<String, Object> attributes, long after) {
    }

    /**
     * The entries after {@code afterSeq} (all of them if the sequence started over below it), oldest first, and, when
     * there are any, the user's profile (segment-service's) to personalize them with, as the SDK's other answers are.
     */
    public Uni<Pending> after(String appId, String userId, long afterSeq) {
        UserKeys keys = new UserKeys(appId, userId);
        return pendingScript.run(redis, List.of(keys.outbox(), keys.outboxSequence()), List.of(Long.toString(afterSeq)))
                .chain(r -> {
                    long after = r.get(0).toLong();
                    List<String> entries = new ArrayList<>();
                    r.get(1).forEach(e -> entries.add(e.toString()));
                    if (entries.isEmpty()) {
                        return Uni.createFrom().item(new Pending(entries, Map.of(), after));
                    }
                    return redis.hgetall(keys.profile())
                            .map(profile -> new Pending(entries, StoredProfile.attributes(profile, json), after));
                });
    }
}
