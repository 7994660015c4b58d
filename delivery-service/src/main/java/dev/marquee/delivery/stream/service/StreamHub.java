package dev.marquee.delivery.stream.service;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.template.MessageRenderer;
import dev.marquee.delivery.campaign.service.CampaignChanged;
import dev.marquee.delivery.decision.service.TemplateProfile;
import dev.marquee.delivery.stream.repository.OutboxStore;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.Cancellable;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * The SSE connections this instance holds. A server-triggered message is stored in the user's outbox and announced
 * on Redis pub/sub; every instance hears it and the one holding the user's stream delivers what the connection has
 * not seen yet (by sequence number, so a replay and a live delivery never duplicate). Resync hints (a campaign of the
 * app changed) need no fan-out: every instance reads campaign.events.v1 itself.
 */
@ApplicationScoped
public class StreamHub {

    private static final Logger LOG = Logger.getLogger(StreamHub.class);

    /** One SSE event: {@code id} only for outbox messages (resumable), null for hints. */
    public record StreamEvent(Long id, String name, String data) {
    }

    private static final class Connection {
        final String appId;
        final String userId;
        final String locale;
        final MultiEmitter<? super StreamEvent> emitter;
        long lastSeq;

        Connection(String appId, String userId, String locale, MultiEmitter<? super StreamEvent> emitter,
                long lastSeq) {
            this.appId = appId;
            this.userId = userId;
            this.locale = locale;
            this.emitter = emitter;
            this.lastSeq = lastSeq;
        }
    }

    private final OutboxStore outbox;
    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final Map<String, Set<Connection>> byUser = new ConcurrentHashMap<>();
    private volatile Cancellable subscription;

    public StreamHub(OutboxStore outbox, ReactiveRedisDataSource redis, ObjectMapper json) {
        this.outbox = outbox;
        this.redis = redis;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        // Redis may be down at start or go away later: keep resubscribing, streams just miss live fan-out meanwhile
        subscription = redis.pubsub(String.class).subscribe(OutboxStore.CHANNEL)
                .onFailure().invoke(e -> LOG.warnf("outbox announcements lost (%s); resubscribing", e.getMessage()))
                .onFailure().retry().withBackOff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(10))
                .indefinitely()
                .subscribe().with(this::announced);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    /** The user's stream: what waits in the outbox after {@code lastEventId}, then live messages and hints. */
    public Multi<StreamEvent> connect(String appId, String userId, String locale, long lastEventId) {
        return Multi.createFrom().<StreamEvent>emitter(emitter -> {
            Connection connection = new Connection(appId, userId, locale, emitter, lastEventId);
            byUser.computeIfAbsent(key(appId, userId), k -> ConcurrentHashMap.newKeySet()).add(connection);
            emitter.onTermination(() -> byUser.computeIfPresent(key(appId, userId), (k, set) -> {
                set.remove(connection);
                return set.isEmpty() ? null : set;
            }));
            emitter.emit(new StreamEvent(null, "connected", "{}"));
            deliver(connection);
        });
    }

    void campaignChanged(@Observes CampaignChanged changed) {
        resync(changed.appId(), changed.campaignId());
    }

    /** A campaign of the app changed: its connected SDKs should sync their eligible messages again. */
    public void resync(String appId, String campaignId) {
        String prefix = appId + "\t";
        byUser.forEach((key, connections) -> {
            if (key.startsWith(prefix)) {
                connections.forEach(c -> c.emitter.emit(new StreamEvent(null, "resync",
                        "{\"reason\":\"campaign_changed\",\"campaignId\":" + quoted(campaignId) + "}")));
            }
        });
    }

    private void announced(String announcement) {
        int tab = announcement.indexOf('\t');
        if (tab < 0) {
            return;
        }
        Set<Connection> connections = byUser.get(announcement);
        if (connections != null) {
            connections.forEach(this::deliver);
        }
    }

    private void deliver(Connection connection) {
        long after;
        synchronized (connection) {
            after = connection.lastSeq;
        }
        outbox.after(connection.appId, connection.userId, after).subscribe().with(
                pending -> emit(connection, pending, after),
                e -> LOG.warnf("outbox of a stream not read: %s", e.getMessage()));
    }

    /** @param asked the sequence number the entries were asked after */
    private void emit(Connection connection, OutboxStore.Pending pending, long asked) {
        Map<String, Object> profile = TemplateProfile.of(pending.attributes(), connection.userId);
        synchronized (connection) {
            // the sequence started over below what this stream saw (the user was erased): what is kept is new to it,
            // unless a concurrent read already delivered from the new start
            if (pending.after() < asked && connection.lastSeq == asked) {
                connection.lastSeq = pending.after();
            }
        }
        for (String entry : pending.entries()) {
            try {
                JsonNode node = json.readTree(entry);
                long seq = node.get("id").asLong();
                synchronized (connection) {
                    if (seq <= connection.lastSeq) {
                        continue; // already delivered by a concurrent read
                    }
                    connection.lastSeq = seq;
                    if (node.path("expiresAt").asLong(Long.MAX_VALUE) < System.currentTimeMillis()) {
                        continue; // its TTL is over: the outbox keeps it only while a longer-lived entry is there
                    }
                    if ("resync".equals(node.path("type").asText())) {
                        connection.emitter.emit(new StreamEvent(seq, "resync", json.writeValueAsString(Map.of(
                                "reason", node.path("reason").asText(), "segmentId", node.path("segmentId").asText()))));
                    } else {
                        connection.emitter.emit(new StreamEvent(seq, "message", rendered(node, connection.locale, profile)));
                    }
                }
            } catch (Exception e) {
                LOG.warnf("outbox entry skipped: %s", e.getMessage());
            }
        }
    }

    private String rendered(JsonNode entry, String locale, Map<String, Object> profile) throws Exception {
        Message message = json.treeToValue(entry.get("message"), Message.class);
        MessageRenderer.Rendered rendered = MessageRenderer.render(message, locale, profile);
        Map<String, Object> data = new java.util.LinkedHashMap<>();
        data.put("campaignId", entry.path("campaignId").isNull() ? null : entry.path("campaignId").asText(null));
        data.put("version", entry.path("version").asLong());
        data.put("variant", entry.path("variant").asText(null));
        data.put("locale", rendered.locale());
        data.put("message", rendered.message());
        if (entry.path("preview").asBoolean(false)) {
            // a test user's preview (messages/send): not an exposure of the campaign
            data.put("preview", true);
        }
        if (entry.has("expiresAt")) {
            // a tab that is not shown keeps it for later: the SDK needs to know until when
            data.put("expiresAt", Instant.ofEpochMilli(entry.get("expiresAt").asLong()).toString());
        }
        return json.writeValueAsString(data);
    }

    private String quoted(String text) {
        try {
            return json.writeValueAsString(text);
        } catch (Exception e) {
            return "null";
        }
    }

    private static String key(String appId, String userId) {
        return appId + "\t" + userId;
    }
}
