package dev.marquee.segment.event.rest;

import static dev.marquee.segment.SegmentApi.attributes;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static dev.marquee.segment.SegmentApi.track;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class EventIngestionTest {

    @Test
    void ingestedEventsBuildTheProfileWithDayCounters() {
        String appId = newApp();
        Map<String, Object> purchase = track("ana", "purchase", Map.of("amount", 12.5));
        ingest(appId, attributes("ana", Map.of("tier", "gold", "country", "FR")), purchase,
                track("ana", "purchase", Map.of("amount", 3)));
        // the same event again (a client retry) is applied once
        ingest(appId, purchase);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .when().get("/v1/apps/{appId}/users/{userId}", appId, "ana")
                .then().statusCode(200)
                .body("attributes.tier", equalTo("gold"))
                .body("attributes.country", equalTo("FR"))
                .body("events.purchase.'" + today + "'", equalTo(2)));
        given().when().get("/v1/apps/{appId}/users/{userId}", appId, "ana")
                .then().body("lastSeen", notNullValue());
    }

    @Test
    void aNullAttributeRemovesIt() {
        String appId = newApp();
        ingest(appId, attributes("bo", Map.of("tier", "gold", "nickname", "b")));
        Map<String, Object> removal = attributes("bo", new HashMap<>(Map.of("tier", "silver")));
        ((Map<String, Object>) removal.get("attributes")).put("nickname", null);
        ingest(appId, removal);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .when().get("/v1/apps/{appId}/users/{userId}", appId, "bo")
                .then().statusCode(200)
                .body("attributes.tier", equalTo("silver"))
                .body("attributes.nickname", nullValue()));
    }

    @Test
    void badEventsAreRejectedOneByOneAndTheOthersKept() {
        String appId = newApp();
        Map<String, Object> noUser = track("x", "open", Map.of());
        noUser.remove("userId");
        Map<String, Object> future = track("cy", "open", Map.of());
        future.put("occurredAt", Instant.now().plus(Duration.ofHours(2)).toString());
        Map<String, Object> badType = track("cy", "open", Map.of());
        badType.put("type", "click");
        Map<String, Object> nested = track("cy", "open", Map.of("cart", Map.of("items", 2)));
        given().contentType(ContentType.JSON)
                .body(Map.of("events", List.of(noUser, track("cy", "open", Map.of()), future, badType, nested)))
                .when().post("/v1/apps/{appId}/events", appId)
                .then().statusCode(202)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(4))
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].errors.field", hasItem("events[0].userId"))
                .body("results[1].status", equalTo("accepted"))
                .body("results[2].errors.field", hasItem("events[2].occurredAt"))
                .body("results[3].errors.field", hasItem("events[3].type"))
                .body("results[4].errors.field", hasItem("events[4].properties.cart"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .when().get("/v1/apps/{appId}/users/{userId}", appId, "cy").then().statusCode(200));
    }

    @Test
    void aBatchWithNoValidEventIsAProblemNamingTheFields() {
        Map<String, Object> noName = track("dee", "open", Map.of());
        noName.remove("name");
        given().contentType(ContentType.JSON).body(Map.of("events", List.of(noName)))
                .when().post("/v1/apps/{appId}/events", newApp())
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("events[0].name"));
    }

    @Test
    void oversizedBatchesAndMalformedBodiesAre400() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < 1001; i++) {
            events.add(track("u" + i, "open", Map.of()));
        }
        given().contentType(ContentType.JSON).body(Map.of("events", events))
                .when().post("/v1/apps/{appId}/events", newApp())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("events"));
        given().contentType(ContentType.JSON).body("{\"events\": [")
                .when().post("/v1/apps/{appId}/events", newApp())
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("events", List.of()))
                .when().post("/v1/apps/{appId}/events", newApp())
                .then().statusCode(400).body("errors[0].field", equalTo("events"));
        given().contentType(ContentType.JSON).body(Map.of("events", List.of(track("a", "b", Map.of()))))
                .when().post("/v1/apps/{appId}/events", "bad*app")
                .then().statusCode(400).body("errors[0].field", equalTo("appId"));
    }

    @Test
    void anUnknownUserIs404() {
        given().when().get("/v1/apps/{appId}/users/{userId}", newApp(), "nobody").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
