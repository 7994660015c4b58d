package dev.marquee.segment.app.messaging;

import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.createStaticSegment;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static dev.marquee.segment.SegmentApi.track;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
import dev.marquee.segment.RedisProbe;
import dev.marquee.segment.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A deleted app (its {@code DELETED} event on {@code app.events.v1}) loses every segment, stored member, profile,
 * counter and membership here, reports it on {@code app.erasures.v1}, and its late events write nothing back; another
 * app's data, and delivery-service's keys under the same hash tag, stay.
 */
@QuarkusTest
class AppDeletionTest {

    @Inject
    RedisProbe redis;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aDeletedAppsDataIsErasedInTheBackgroundAndReported() throws Exception {
        String appId = newApp();
        String buyers = createSegment(appId, "Buyers", Map.of("event", "purchase", "times", 1, "withinDays", 30));
        String pilots = createStaticSegment(appId, "Pilots");
        upload(appId, pilots, "kim\nlee\n");
        ingest(appId, track("kim", "purchase", Map.of()), track("ann", "purchase", Map.of()));
        String otherApp = newApp();
        String otherPilots = createStaticSegment(otherApp, "Pilots");
        upload(otherApp, otherPilots, "kim\n");
        ingest(otherApp, track("kim", "purchase", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "kim").equals(Set.of(buyers, pilots))
                && redis.segmentsOf(appId, "ann").equals(Set.of(buyers))
                && redis.keysOf(otherApp, "kim") >= 3);
        // delivery-service keeps keys of its own under the user's hash tag: not this service's to erase
        String deliveryKey = "mq:{" + appId + ":kim}:impressions";
        redis.set(deliveryKey, "1");

        publishDeleted(appId);

        List<ConsumerRecord<String, String>> reports = TopicReader.records(bootstrap, Topics.APP_ERASURES,
                appId + ":segment-service", 1);
        assertEquals(1, reports.size());
        JsonNode report = json.readTree(reports.get(0).value());
        assertEquals("DONE", report.get("state").asText());
        assertEquals(2, report.get("erased").get("segments").asLong());
        assertEquals(2, report.get("erased").get("staticMembers").asLong());
        assertTrue(report.get("erased").get("redisKeys").asLong() >= 6, report.toString());

        given().when().get("/v1/apps/{appId}/segments", appId).then().statusCode(200).body("$", empty());
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, pilots).then().statusCode(404);
        assertEquals(List.of(deliveryKey), redis.keysMatching("mq:{" + appId + "*"), "only delivery's key is left");

        // both segments are announced as deleted, so campaigns cannot name them any more
        for (String segmentId : List.of(buyers, pilots)) {
            List<ConsumerRecord<String, String>> announced = TopicReader.records(bootstrap,
                    Topics.SEGMENT_DEFINITIONS, appId + ":" + segmentId, 2);
            assertTrue(json.readTree(announced.get(announced.size() - 1).value()).get("deleted").asBoolean());
        }

        // an event of the app still on its way writes nothing back
        ingest(appId, track("zoe", "purchase", Map.of()));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> redis.keysMatching("mq:{" + appId + "*").equals(List.of(deliveryKey)));

        // the other app is untouched
        assertEquals(Set.of(otherPilots), redis.segmentsOf(otherApp, "kim"));
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", otherApp, otherPilots, "kim")
                .then().statusCode(200).body("stored", org.hamcrest.Matchers.equalTo(true));
        given().when().get("/v1/apps/{appId}/segments", otherApp).then().body("$", hasSize(1));
    }

    private void publishDeleted(String appId) throws Exception {
        AppEvent deleted = new AppEvent(UUID.randomUUID().toString(), AppEventType.DELETED, appId, "Demo",
                Instant.now(), List.of(), null, List.of(), 7);
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            companion.produceStrings()
                    .fromRecords(new ProducerRecord<>(Topics.APP_EVENTS, appId, json.writeValueAsString(deleted)))
                    .awaitCompletion(Duration.ofSeconds(15));
        }
    }

    private static void upload(String appId, String segmentId, String csv) {
        given().contentType("text/csv").body(csv)
                .when().post("/v1/apps/{appId}/segments/{id}/members", appId, segmentId)
                .then().statusCode(200);
    }
}
