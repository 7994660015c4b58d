package dev.marquee.segment.user.rest;

import static dev.marquee.segment.SegmentApi.attributes;
import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.infra.test.KafkaResource;
import dev.marquee.segment.RedisProbe;
import dev.marquee.segment.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Erasure is idempotent and retriable: every call that answers 204 published {@code ERASED}, whether or not anything
 * of the user was left here, and a Kafka outage answers 503 so that the caller's retry completes it downstream.
 */
@QuarkusTest
class ErasureRetryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RedisProbe redis;

    @Inject
    ObjectMapper json;

    @Test
    void erasingAnErasedOrNeverSeenUserAnswers204AndPublishesErasedAgain() throws Exception {
        String appId = newApp();
        ingest(appId, attributes("ida", Map.of("tier", "gold")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .when().get("/v1/apps/{appId}/users/{userId}", appId, "ida").then().statusCode(200));

        given().when().delete("/v1/apps/{appId}/users/{userId}", appId, "ida").then().statusCode(204);
        given().when().delete("/v1/apps/{appId}/users/{userId}", appId, "ida").then().statusCode(204);
        // segment-service never saw this one, delivery-service may still hold data of it
        given().when().delete("/v1/apps/{appId}/users/{userId}", appId, "never-seen").then().statusCode(204);

        assertEquals(List.of("ERASED", "ERASED"), changes(appId, "ida", 2));
        assertEquals(List.of("ERASED"), changes(appId, "never-seen", 1));
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "ida").then().statusCode(404);
    }

    @Test
    void aKafkaOutageAnswers503AndTheRetryCompletesTheErasure() throws Exception {
        String appId = newApp();
        String gold = createSegment(appId, "Gold", Map.of("attribute", "tier", "op", "eq", "value", "gold"));
        ingest(appId, attributes("jo", Map.of("tier", "gold")));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "jo").contains(gold));

        KafkaResource.stopBroker();
        try {
            given().when().delete("/v1/apps/{appId}/users/{userId}", appId, "jo")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue())
                    .body("status", equalTo(503));
        } finally {
            KafkaResource.restartBroker();
        }
        // the producer finds the restarted broker again; until then a retry is refused the same way
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> given()
                .when().delete("/v1/apps/{appId}/users/{userId}", appId, "jo").then().statusCode(204));

        // the restarted broker is empty: what is there was published by the retry, and it names the segment left
        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.SEGMENT_MEMBERSHIP,
                appId + ":jo", 1);
        JsonNode erased = json.readTree(records.get(records.size() - 1).value());
        assertEquals("ERASED", erased.get("change").asText());
        assertEquals(gold, erased.get("segmentIds").get(0).asText());
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "jo").then().statusCode(404);
        assertEquals(0, redis.keysOf(appId, "jo"), "no key of the user is left");
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, gold).then().body("size", equalTo(0));
    }

    private List<String> changes(String appId, String userId, int count) throws Exception {
        List<String> changes = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> record : TopicReader.records(bootstrap, Topics.SEGMENT_MEMBERSHIP,
                appId + ":" + userId, count)) {
            changes.add(json.readTree(record.value()).get("change").asText());
        }
        return changes;
    }
}
