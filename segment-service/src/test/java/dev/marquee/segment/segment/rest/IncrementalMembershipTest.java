package dev.marquee.segment.segment.rest;

import static dev.marquee.segment.SegmentApi.attributes;
import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static dev.marquee.segment.SegmentApi.track;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import dev.marquee.segment.RedisProbe;
import dev.marquee.segment.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IncrementalMembershipTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RedisProbe redis;

    @Inject
    ObjectMapper json;

    @Test
    void aUserWhoQualifiesEntersAndLeavesWithEvents() throws Exception {
        String appId = newApp();
        String segmentId = createSegment(appId, "Gold buyers in France", Map.of("and", List.of(
                Map.of("attribute", "tier", "op", "eq", "value", "gold"),
                Map.of("attribute", "country", "op", "in", "value", List.of("FR", "BE")),
                Map.of("event", "purchase", "count", "at_least", "times", 3, "withinDays", 30))));
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, segmentId)));

        ingest(appId, attributes("ana", Map.of("tier", "gold", "country", "FR")),
                track("ana", "purchase", Map.of()), track("ana", "purchase", Map.of()));
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> given().when().get("/v1/apps/{appId}/users/{userId}", appId, "ana").statusCode() == 200);
        assertTrue(redis.segmentsOf(appId, "ana").isEmpty(), "two purchases are not three");

        ingest(appId, track("ana", "purchase", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "ana").contains(segmentId));
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", appId, segmentId, "ana")
                .then().statusCode(200)
                .body("member", equalTo(true))
                .body("stored", equalTo(true))
                .body("conditions.size()", equalTo(3))
                .body("conditions[0].path", equalTo("rules.and[0]"))
                .body("conditions[0].value", equalTo("gold"))
                .body("conditions[2].value", equalTo(3))
                .body("conditions[2].result", equalTo(true));
        given().when().get("/v1/apps/{appId}/segments/{id}/size", appId, segmentId).then().body("size", equalTo(1));

        ingest(appId, attributes("ana", Map.of("tier", "silver")));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "ana").isEmpty());
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", appId, segmentId, "ana")
                .then().body("member", equalTo(false)).body("conditions[0].result", equalTo(false));
        given().when().get("/v1/apps/{appId}/segments/{id}/size", appId, segmentId).then().body("size", equalTo(0));

        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.SEGMENT_MEMBERSHIP,
                appId + ":ana", 2);
        assertEquals(2, records.size(), "one entered, one exited, nothing twice");
        JsonNode entered = json.readTree(records.get(0).value());
        assertEquals("ENTERED", entered.get("change").asText());
        assertEquals(segmentId, entered.get("segmentId").asText());
        assertEquals("EXITED", json.readTree(records.get(1).value()).get("change").asText());
    }

    @Test
    void propertyFiltersCountOnlyMatchingEvents() {
        String appId = newApp();
        String segmentId = createSegment(appId, "Big spenders", Map.of("event", "purchase", "times", 2,
                "withinDays", 7, "where", List.of(Map.of("property", "amount", "op", "gte", "value", 10))));
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, segmentId)));
        ingest(appId, track("bo", "purchase", Map.of("amount", 5)), track("bo", "purchase", Map.of("amount", 12)),
                track("bo", "purchase", Map.of("currency", "EUR")));
        await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                .until(() -> given().when().get("/v1/apps/{appId}/users/{userId}", appId, "bo").statusCode() == 200);
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", appId, segmentId, "bo")
                .then().body("member", equalTo(false)).body("conditions[0].value", equalTo(1));
        ingest(appId, track("bo", "purchase", Map.of("amount", 99.5)));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "bo").contains(segmentId));
    }
}
