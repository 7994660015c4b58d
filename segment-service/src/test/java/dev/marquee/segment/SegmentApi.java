package dev.marquee.segment;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;

/** Small builders for the tests: apps, events, segments. */
public final class SegmentApi {

    private SegmentApi() {
    }

    public static String newApp() {
        return "app-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static Map<String, Object> track(String userId, String name, Map<String, Object> properties) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("userId", userId);
        event.put("type", "track");
        event.put("name", name);
        event.put("properties", properties);
        return event;
    }

    public static Map<String, Object> attributes(String userId, Map<String, Object> attributes) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("userId", userId);
        event.put("type", "attributes");
        event.put("attributes", attributes);
        return event;
    }

    public static Map<String, Object> identify(String userId, String anonymousId, Map<String, Object> attributes) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", UUID.randomUUID().toString());
        event.put("userId", userId);
        event.put("type", "identify");
        event.put("anonymousId", anonymousId);
        event.put("attributes", attributes);
        return event;
    }

    @SafeVarargs
    public static void ingest(String appId, Map<String, Object>... events) {
        given().contentType(ContentType.JSON).body(Map.of("events", List.of(events)))
                .when().post("/v1/apps/{appId}/events", appId)
                .then().statusCode(202);
    }

    public static List<Map<String, Object>> times(int n, java.util.function.Supplier<Map<String, Object>> event) {
        List<Map<String, Object>> events = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            events.add(event.get());
        }
        return events;
    }

    public static String createSegment(String appId, String name, Object rules) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("rules", rules);
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/segments", appId)
                .then().statusCode(201).extract().path("id");
    }

    public static String createStaticSegment(String appId, String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name, "kind", "STATIC"))
                .when().post("/v1/apps/{appId}/segments", appId)
                .then().statusCode(201).extract().path("id");
    }

    public static String status(String appId, String segmentId) {
        return given().when().get("/v1/apps/{appId}/segments/{id}", appId, segmentId).then().statusCode(200)
                .extract().path("status");
    }
}
