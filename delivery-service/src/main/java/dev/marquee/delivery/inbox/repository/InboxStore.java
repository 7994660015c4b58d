package dev.marquee.delivery.inbox.repository;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.error.Unavailable;
import dev.marquee.delivery.error.Unavailable.Dependency;
import dev.marquee.delivery.store.RedisScript;
import dev.marquee.delivery.store.UserKeys;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;
import io.vertx.mutiny.redis.client.Response;

/** The user's persisted inbox of cards, in Redis under the user's hash tag. */
@ApplicationScoped
public class InboxStore {

    /**
     * A card as stored: which campaign version and variant arrived when; the content is rendered at read time.
     *
     * @param expiresAt the card leaves the inbox then (null: when the campaign is no longer active)
     */
    public record StoredCard(String campaignId, long version, String variant, Instant receivedAt, boolean pinned,
            Instant expiresAt) {
    }

    /** A card with the user's marks. */
    public record Card(StoredCard card, Instant readAt, boolean archived) {
    }

    private final RedisAPI redis;
    private final ObjectMapper json;
    private final RedisScript script;
    private final RedisScript markScript;
    private final Duration timeout;
    private final String retentionSeconds;

    public InboxStore(RedisAPI redis, ObjectMapper json, DeliveryConfig config) {
        this.redis = redis;
        this.json = json;
        this.script = RedisScript.load("lua/inbox.lua");
        this.markScript = RedisScript.load("lua/inbox-mark.lua");
        this.timeout = config.redisTimeout();
        this.retentionSeconds = Long.toString(config.impressionRetention().toSeconds());
    }

    /** Adds the cards that are not in the inbox yet and answers every card of the inbox. */
    public Uni<List<Card>> addAndList(String appId, String userId, List<StoredCard> arrivals) {
        List<String> args = new ArrayList<>();
        args.add(retentionSeconds);
        for (StoredCard card : arrivals) {
            args.add("c:" + card.campaignId());
            args.add(write(card));
        }
        return script.run(redis, List.of(new UserKeys(appId, userId).inbox()), args).ifNoItem().after(timeout).fail()
                .onFailure().transform(e -> new Unavailable(Dependency.REDIS, "The inbox store did not answer", e))
                .map(this::cards);
    }

    /** Marks a card read or archived; false when the user has no such card. */
    public Uni<Boolean> mark(String appId, String userId, String campaignId, String mark, Instant at) {
        String key = new UserKeys(appId, userId).inbox();
        return markScript.run(redis, List.of(key), List.of(campaignId, mark, Long.toString(at.toEpochMilli())))
                .ifNoItem().after(timeout).fail()
                .onFailure().transform(e -> new Unavailable(Dependency.REDIS, "The inbox store did not answer", e))
                .map(r -> r.toInteger() == 1);
    }

    /** Removes cards that expired or whose campaign ended. */
    public Uni<Void> remove(String appId, String userId, List<String> campaignIds) {
        if (campaignIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<String> args = new ArrayList<>();
        args.add(new UserKeys(appId, userId).inbox());
        campaignIds.forEach(id -> {
            args.add("c:" + id);
            args.add("read:" + id);
            args.add("archived:" + id);
        });
        return redis.hdel(args).replaceWithVoid();
    }

    private List<Card> cards(Response flat) {
        Map<String, String> fields = new HashMap<>();
        for (int i = 0; i + 1 < flat.size(); i += 2) {
            fields.put(flat.get(i).toString(), flat.get(i + 1).toString());
        }
        List<Card> cards = new ArrayList<>();
        fields.forEach((field, value) -> {
            if (field.startsWith("c:")) {
                String id = field.substring(2);
                String read = fields.get("read:" + id);
                cards.add(new Card(read(value), read == null ? null : Instant.ofEpochMilli(Long.parseLong(read)),
                        fields.containsKey("archived:" + id)));
            }
        });
        return cards;
    }

    private String write(StoredCard card) {
        try {
            return json.writeValueAsString(card);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a card is always serializable", e);
        }
    }

    private StoredCard read(String stored) {
        try {
            return json.readValue(stored, StoredCard.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored card is unreadable", e);
        }
    }
}
