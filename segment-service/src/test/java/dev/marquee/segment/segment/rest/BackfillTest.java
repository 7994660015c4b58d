package dev.marquee.segment.segment.rest;

import static dev.marquee.segment.SegmentApi.attributes;
import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.newApp;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.marquee.segment.RedisProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A new or edited segment is built over the profiles that already exist. */
@QuarkusTest
class BackfillTest {

    private static final int USERS = 1200;

    @Inject
    RedisProbe redis;

    @Test
    void aNewSegmentIsBuiltOverExistingProfilesThenAnEditRebuildsIt() {
        String appId = newApp();
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            events.add(attributes("u" + i, Map.of("tier", i % 3 == 0 ? "gold" : "silver")));
            if (events.size() == 1000) {
                send(appId, events);
                events = new ArrayList<>();
            }
        }
        send(appId, events);
        await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .when().get("/v1/apps/{appId}/users/{userId}", appId, "u" + (USERS - 1)).statusCode() == 200);

        String segmentId = createSegment(appId, "Gold", Map.of("attribute", "tier", "op", "eq", "value", "gold"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "READY".equals(given()
                .when().get("/v1/apps/{appId}/segments/{id}", appId, segmentId).then().extract().path("status")));
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, segmentId)
                .then().body("size", equalTo(USERS / 3)).body("progress", equalTo(100));
        assertEquals("1", redis.readyVersion(appId, segmentId));
        assertTrue(redis.segmentsOf(appId, "u3").contains(segmentId));
        assertTrue(redis.segmentsOf(appId, "u4").isEmpty());

        given().contentType(ContentType.JSON)
                .body(Map.of("name", "Silver", "rules", Map.of("attribute", "tier", "op", "eq", "value", "silver")))
                .when().put("/v1/apps/{appId}/segments/{id}", appId, segmentId)
                .then().statusCode(200).body("version", equalTo(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(redis.readyVersion(appId, segmentId)));
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, segmentId)
                .then().body("status", equalTo("READY")).body("size", equalTo(USERS - USERS / 3));
        assertTrue(redis.segmentsOf(appId, "u3").isEmpty());
        assertTrue(redis.segmentsOf(appId, "u4").contains(segmentId));
    }

    @Test
    void aLostBuildMarkerMeansUnknownAndIsRebuilt() {
        String appId = newApp();
        send(appId, List.of(attributes("ana", Map.of("tier", "gold"))));
        await().atMost(Duration.ofSeconds(15)).until(() -> given()
                .when().get("/v1/apps/{appId}/users/{userId}", appId, "ana").statusCode() == 200);
        String segmentId = createSegment(appId, "Gold", Map.of("attribute", "tier", "op", "eq", "value", "gold"));
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, segmentId)));

        // as after a Redis data loss: the marker and the membership are gone
        redis.forgetMembership(appId, segmentId, "ana");
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, segmentId)));
        assertTrue(redis.segmentsOf(appId, "ana").contains(segmentId));
    }

    private static void send(String appId, List<Map<String, Object>> events) {
        given().contentType(ContentType.JSON).body(Map.of("events", events))
                .when().post("/v1/apps/{appId}/events", appId)
                .then().statusCode(202);
    }
}
