package dev.marquee.delivery.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.AppEventType;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.delivery.TopicReader;
import dev.marquee.delivery.app.repository.AppDataStore;
import dev.marquee.delivery.store.UserKeys;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A deleted app's {@code DELETED} event erases every Redis key delivery keeps of its users, and nothing of another
 * app nor segment-service's keys under the same hash tag.
 */
@QuarkusTest
class DeletedAppErasureTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @Test
    void theDeletedEventErasesTheAppsKeysOfEveryUser() throws Exception {
        String appId = UUID.randomUUID().toString();
        String otherApp = UUID.randomUUID().toString();
        UserKeys ana = new UserKeys(appId, "ana");
        UserKeys bob = new UserKeys(appId, "bob");
        List<String> erased = List.of(ana.campaignState(), ana.impressions(), ana.impressions("c1"), ana.inbox(),
                ana.outbox(), ana.outboxSequence(), ana.session("s1"), bob.conversions(), bob.interaction("e1"),
                bob.membershipEvents(), bob.sessions(), bob.interactions());
        UserKeys otherUser = new UserKeys(otherApp, "ana");
        List<String> kept = List.of(otherUser.campaignState(), otherUser.inbox(), ana.profile(), ana.segments());
        erased.forEach(key -> redis.value(String.class).set(key, "1"));
        kept.forEach(key -> redis.value(String.class).set(key, "1"));

        publish(event(appId, AppEventType.CREDENTIALS_CHANGED, 4));
        publish(event(appId, AppEventType.DELETED, 5));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> redis.key().exists(AppDataStore.erasedMarker(appId)));
        assertEquals(0, redis.key().exists(erased.toArray(String[]::new)), "delivery's keys of the app are gone");
        assertEquals(kept.size(), redis.key().exists(kept.toArray(String[]::new)),
                "another app's keys and segment-service's stay");

        // reported for the app's deletion progress, with what was erased
        List<ConsumerRecord<String, String>> reports = TopicReader.records(bootstrap, Topics.APP_ERASURES,
                appId + ":delivery-service", 1);
        assertEquals(1, reports.size());
        JsonNode report = json.readTree(reports.get(0).value());
        assertEquals("DONE", report.get("state").asText());
        assertEquals(erased.size(), report.get("erased").get("redisKeys").asInt());
    }

    private static AppEvent event(String appId, AppEventType type, long version) {
        return new AppEvent(UUID.randomUUID().toString(), type, appId, "Deleted", Instant.now(), List.of(),
                WorkspaceSettings.DEFAULTS, List.of(), version);
    }

    private void publish(AppEvent event) throws Exception {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.APP_EVENTS, event.appId(),
                    json.writeValueAsString(event))).awaitCompletion(Duration.ofSeconds(10));
        }
    }
}
