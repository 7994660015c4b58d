package dev.marquee.segment.user.rest;

import static dev.marquee.segment.SegmentApi.attributes;
import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static dev.marquee.segment.SegmentApi.track;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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
import dev.marquee.segment.RedisProbe;
import dev.marquee.segment.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class ErasureTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RedisProbe redis;

    @Inject
    ObjectMapper json;

    @Test
    void erasureRemovesTheProfileAndMembershipsAndIsPublished() throws Exception {
        String appId = newApp();
        String gold = createSegment(appId, "Gold", Map.of("attribute", "tier", "op", "eq", "value", "gold"));
        String openers = createSegment(appId, "Openers", Map.of("event", "open", "times", 1, "withinDays", 30));
        ingest(appId, attributes("eve", Map.of("tier", "gold")), track("eve", "open", Map.of()),
                attributes("fred", Map.of("tier", "gold")));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "eve").size() == 2
                && redis.segmentsOf(appId, "fred").size() == 1);
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, gold).then().body("size", equalTo(2));

        given().when().delete("/v1/apps/{appId}/users/{userId}", appId, "eve").then().statusCode(204);

        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "eve").then().statusCode(404);
        assertEquals(0, redis.keysOf(appId, "eve"), "no key of the user is left");
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, gold).then().body("size", equalTo(1));
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, openers).then().body("size", equalTo(0));
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "fred").then().statusCode(200);
        // a retry is no error: nothing is left to erase here, and it is announced again
        given().when().delete("/v1/apps/{appId}/users/{userId}", appId, "eve").then().statusCode(204);

        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.SEGMENT_MEMBERSHIP,
                appId + ":eve", 4);
        JsonNode erased = json.readTree(records.get(2).value());
        assertEquals("ERASED", erased.get("change").asText());
        assertEquals(List.of(gold, openers).stream().sorted().toList(),
                List.of(erased.get("segmentIds").get(0).asText(), erased.get("segmentIds").get(1).asText()));
        JsonNode again = json.readTree(records.get(3).value());
        assertEquals("ERASED", again.get("change").asText());
        assertEquals(0, again.get("segmentIds").size());
    }

    @Test
    void attributesUpdatedThroughTheProfileApiApplyInOrder() {
        String appId = newApp();
        given().contentType(ContentType.JSON).body(Map.of("attributes", Map.of("tier", "gold", "age", 31)))
                .when().patch("/v1/apps/{appId}/users/{userId}", appId, "gus")
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .when().get("/v1/apps/{appId}/users/{userId}", appId, "gus")
                .then().statusCode(200).body("attributes.tier", equalTo("gold")).body("attributes.age", equalTo(31)));
        given().contentType(ContentType.JSON).body(Map.of("attributes", Map.of("tier", List.of("a"))))
                .when().patch("/v1/apps/{appId}/users/{userId}", appId, "gus")
                .then().statusCode(400).body("errors[0].field", equalTo("attributes.tier"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x"))
                .when().patch("/v1/apps/{appId}/users/{userId}", appId, "gus")
                .then().statusCode(400).body("errors[0].field", equalTo("attributes"));
    }
}
