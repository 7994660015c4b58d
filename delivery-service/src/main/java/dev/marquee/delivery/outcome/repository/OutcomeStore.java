package dev.marquee.delivery.outcome.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.decision.repository.LuaScript;
import dev.marquee.delivery.decision.repository.UserKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/** What outcomes need from Redis: interaction ids already published, and impressions for conversion attribution. */
@ApplicationScoped
public class OutcomeStore {

    /** How long an interaction id is remembered: SDKs retry for hours, not weeks. */
    private static final Duration INTERACTION_MEMORY = Duration.ofDays(7);

    /**
     * An impression and the goal event that converted it.
     *
     * @param impression {@code campaignId|at|seq|version|variant}
     */
    public record Attribution(String impression, String convertingEventId) {

        public long version() {
            return Long.parseLong(impression.split("\\|", -1)[3]);
        }

        /** Empty for the control group. */
        public Optional<String> variant() {
            String variant = impression.split("\\|", -1)[4];
            return variant.isEmpty() ? Optional.empty() : Optional.of(variant);
        }
    }

    private final RedisAPI redis;
    private final String attributeScript;
    private final long retentionSeconds;

    public OutcomeStore(RedisAPI redis, DeliveryConfig config) {
        this.redis = redis;
        this.attributeScript = LuaScript.load("lua/attribute.lua");
        this.retentionSeconds = config.impressionRetention().toSeconds();
    }

    /** True the first time this interaction id is seen for the user. */
    public Uni<Boolean> firstSeen(String appId, String userId, String eventId) {
        return redis.set(List.of(new UserKeys(appId, userId).interaction(eventId), "1", "NX", "EX",
                Long.toString(INTERACTION_MEMORY.toSeconds()))).map(r -> r != null && "OK".equals(r.toString()));
    }

    /** Forgets an interaction id whose publication failed, so the SDK's retry is published. */
    public Uni<Void> forget(String appId, String userId, String eventId) {
        return redis.del(List.of(new UserKeys(appId, userId).interaction(eventId))).replaceWithVoid();
    }

    /** The campaign's latest impression in {@code [from, at]} and the goal event that converts it, if any. */
    public Uni<Optional<Attribution>> attribute(String appId, String userId, String campaignId, Instant from,
            Instant at, String goalEventId) {
        UserKeys keys = new UserKeys(appId, userId);
        return redis.eval(List.of(attributeScript, "2", keys.impressions(), keys.conversions(),
                Long.toString(from.toEpochMilli()), Long.toString(at.toEpochMilli()), campaignId, goalEventId,
                Long.toString(retentionSeconds)))
                .map(OutcomeStore::attribution);
    }

    private static Optional<Attribution> attribution(Response r) {
        if (r == null || r.size() < 2) {
            return Optional.empty();
        }
        return Optional.of(new Attribution(r.get(0).toString(), r.get(1).toString()));
    }
}
