package dev.marquee.segment.user.rest;

import static dev.marquee.segment.SegmentApi.attributes;
import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.identify;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static dev.marquee.segment.SegmentApi.track;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

/** An identify merges the anonymous profile into the known user's: attributes, counters, first/last seen. */
@QuarkusTest
class IdentifyMergeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RedisProbe redis;

    @Inject
    ObjectMapper json;

    @Test
    void theAnonymousHistoryCountsForTheKnownUserOnce() throws Exception {
        String appId = newApp();
        String buyers = createSegment(appId, "French gold buyers", Map.of("and", List.of(
                Map.of("attribute", "tier", "op", "eq", "value", "gold"),
                Map.of("attribute", "country", "op", "eq", "value", "FR"),
                Map.of("event", "purchase", "count", "at_least", "times", 3, "withinDays", 30))));
        String browsers = createSegment(appId, "Browsers", Map.of("event", "view", "times", 1, "withinDays", 30));
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, buyers))
                && "1".equals(redis.readyVersion(appId, browsers)));
        Map<String, Object> early = track("anon-1", "purchase", Map.of());
        early.put("occurredAt", Instant.now().minus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS).toString());
        ingest(appId, early, track("anon-1", "purchase", Map.of()), track("anon-1", "view", Map.of()),
                attributes("anon-1", Map.of("country", "FR", "tier", "bronze")),
                attributes("kim", Map.of("tier", "gold")), track("kim", "purchase", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "anon-1").equals(Set.of(browsers))
                && given().when().get("/v1/apps/{appId}/users/{userId}", appId, "kim").statusCode() == 200);

        Map<String, Object> identify = identify("kim", "anon-1", Map.of("plan", "pro"));
        ingest(appId, identify);
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "kim")
                .equals(Set.of(buyers, browsers)));
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "kim").then().statusCode(200)
                .body("attributes.tier", equalTo("gold"))
                .body("attributes.country", equalTo("FR"))
                .body("attributes.plan", equalTo("pro"))
                .body("firstSeen", equalTo(early.get("occurredAt")))
                .body("events.purchase.values().sum()", equalTo(3));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "anon-1").isEmpty());
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "anon-1").then().statusCode(404);

        // the same identify again (a redelivery) and a later identify of the same device move nothing twice
        ingest(appId, identify, identify("kim", "anon-1", Map.of()));
        ingest(appId, track("kim", "marker", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> given().when()
                .get("/v1/apps/{appId}/users/{userId}", appId, "kim").then().extract()
                .path("events.marker") != null);
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "kim").then()
                .body("events.purchase.values().sum()", equalTo(3))
                .body("events.view.values().sum()", equalTo(1));
        given().when().get("/v1/apps/{appId}/segments/{id}/size", appId, browsers).then().body("size", equalTo(1));

        List<ConsumerRecord<String, String>> anonymous = TopicReader.records(bootstrap, Topics.SEGMENT_MEMBERSHIP,
                appId + ":anon-1", 2);
        assertEquals(List.of("ENTERED", "EXITED"), anonymous.stream()
                .map(r -> read(r.value()).get("change").asText()).toList(), "the anonymous user left what it was in");
    }

    @Test
    void anIdentifyNamingAKnownUserAsAnonymousIsRefusedAndTheProfileKept() {
        String appId = newApp();
        ingest(appId, attributes("alice", Map.of("email", "alice@example.com")));
        await().atMost(Duration.ofSeconds(15)).until(() -> given().when()
                .get("/v1/apps/{appId}/users/{userId}", appId, "alice").statusCode() == 200);

        given().contentType(io.restassured.http.ContentType.JSON)
                .body(Map.of("events", List.of(identify("mallory", "alice", Map.of()))))
                .when().post("/v1/apps/{appId}/events", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("events[0].anonymousId"));

        ingest(appId, track("mallory", "marker", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> given().when()
                .get("/v1/apps/{appId}/users/{userId}", appId, "mallory").statusCode() == 200);
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "alice").then().statusCode(200)
                .body("attributes.email", equalTo("alice@example.com"));
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "mallory").then()
                .body("attributes.email", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void anAnonymousIdIdentifiedAsOneUserIsNeverMergedIntoAnother() {
        String appId = newApp();
        ingest(appId, attributes("anon-d1", Map.of("device", "phone")));
        await().atMost(Duration.ofSeconds(15)).until(() -> given().when()
                .get("/v1/apps/{appId}/users/{userId}", appId, "anon-d1").statusCode() == 200);
        ingest(appId, identify("alice", "anon-d1", Map.of("email", "alice@example.com")));
        await().atMost(Duration.ofSeconds(15)).until(() -> "phone".equals(given().when()
                .get("/v1/apps/{appId}/users/{userId}", appId, "alice").then().extract().path("attributes.device")));

        // the device keeps being used anonymously; mallory then claims its anonymous id
        ingest(appId, attributes("anon-d1", Map.of("secret", "alice's")));
        await().atMost(Duration.ofSeconds(15)).until(() -> given().when()
                .get("/v1/apps/{appId}/users/{userId}", appId, "anon-d1").statusCode() == 200);
        ingest(appId, identify("mallory", "anon-d1", Map.of()));
        ingest(appId, track("mallory", "marker", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> given().when()
                .get("/v1/apps/{appId}/users/{userId}", appId, "mallory").then().extract()
                .path("events.marker") != null);
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "mallory").then()
                .body("attributes.secret", org.hamcrest.Matchers.nullValue());
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "anon-d1").then().statusCode(200)
                .body("attributes.secret", equalTo("alice's"));

        // alice herself may identify the device again and take what happened since
        ingest(appId, identify("alice", "anon-d1", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> "alice's".equals(given().when()
                .get("/v1/apps/{appId}/users/{userId}", appId, "alice").then().extract().path("attributes.secret")));
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
