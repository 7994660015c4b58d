package dev.marquee.delivery.app;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.AppEventType;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.delivery.app.service.WorkspaceSettingsIndex;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * App snapshots through the real {@code app.events.v1} topic, out of order: one with a lower version than the applied
 * one is ignored even when its {@code occurredAt} is later (the time a transaction started is not its commit order).
 */
@QuarkusTest
class AppEventOrderTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    WorkspaceSettingsIndex index;

    @Test
    void anOlderSnapshotArrivingAfterANewerOneIsIgnored() throws Exception {
        String appId = UUID.randomUUID().toString();
        WorkspaceSettings newer = new WorkspaceSettings(2, 20, 10);
        WorkspaceSettings older = new WorkspaceSettings(7, 70, 0);
        Instant now = Instant.now();
        publish(snapshot(appId, 4, now.minusSeconds(1), newer));
        await().atMost(Duration.ofSeconds(15)).until(() -> newer.equals(index.of(appId)));

        publish(snapshot(appId, 3, now, older));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertEquals(newer, index.of(appId)));

        WorkspaceSettings newest = new WorkspaceSettings(3, 30, 5);
        publish(snapshot(appId, 5, now.minusSeconds(2), newest));
        await().atMost(Duration.ofSeconds(15)).until(() -> newest.equals(index.of(appId)));
    }

    private static AppEvent snapshot(String appId, long version, Instant at, WorkspaceSettings settings) {
        return new AppEvent(UUID.randomUUID().toString(), AppEventType.SETTINGS_CHANGED, appId, "App", at, List.of(),
                settings, List.of(), version);
    }

    private void publish(AppEvent event) throws Exception {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.APP_EVENTS, event.appId(),
                    json.writeValueAsString(event))).awaitCompletion(Duration.ofSeconds(10));
        }
    }
}
