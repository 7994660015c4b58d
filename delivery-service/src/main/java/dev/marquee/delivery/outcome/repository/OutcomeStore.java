package dev.marquee.delivery.outcome.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.store.LuaScript;
import dev.marquee.delivery.store.UserKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/** What outcomes need from Redis: interaction ids claimed and published, and impressions for conversion attribution. */
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
    private final String claimScript;
    private final String forgetScript;
    private final long retentionSeconds;

    public OutcomeStore(RedisAPI redis, DeliveryConfig config) {
        this.redis = redis;
        this.attributeScript = LuaScript.load("lua/attribute.lua");
        this.claimScript = LuaScript.load("lua/claim.lua");
        this.forgetScript = LuaScript.load("lua/forget.lua");
        this.retentionSeconds = config.impressionRetention().toSeconds();
    }

    /** Where an interaction id stands: published before, being published by another attempt, or claimed now. */
    public enum Claim {
        NEW, PENDING, PUBLISHED
    }

    /**
     * Claims an interaction id for publication. An id whose earlier attempt is still pending is not answered
     * {@code PUBLISHED}: that attempt may yet fail, so the caller publishes again (consumers are idempotent on it).
     */
    public Uni<Claim> claim(String appId, String userId, String eventId) {
        UserKeys keys = new UserKeys(appId, userId);
        return redis.eval(List.of(claimScript, "2", keys.interaction(eventId), keys.interactions(),
                Long.toString(INTERACTION_MEMORY.toSeconds()), eventId, Long.toString(System.currentTimeMillis())))
                .map(r -> Claim.valueOf(r.toString().toUpperCase(Locale.ROOT)));
    }

    /** Records that the interaction id was published: retries from now on are duplicates. */
    public Uni<Void> published(String appId, String userId, String eventId) {
        return redis.set(List.of(new UserKeys(appId, userId).interaction(eventId), "published", "EX",
                Long.toString(INTERACTION_MEMORY.toSeconds()))).replaceWithVoid();
    }

    /** Forgets an interaction id whose publication failed, unless another attempt has published it meanwhile. */
    public Uni<Void> forget(String appId, String userId, String eventId) {
        return redis.eval(List.of(forgetScript, "1", new UserKeys(appId, userId).interaction(eventId)))
                .replaceWithVoid();
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
