package dev.marquee.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.marquee.infra.local.DemoSeed;
import dev.marquee.infra.local.LocalSuite;
import dev.marquee.infra.local.SuiteConfig;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The gateway in front of the real services and stores: keys issued, rotated and revoked through campaign-service
 * and enforced by the gateway via Kafka, roles against real upstreams, segment-service behind its route, rate-limit
 * headers from Redis, CORS preflight from a key's origins.
 */
class GatewayEdgeIT {

    private static final String SHOP = "https://shop.example.com";

    private static LocalSuite suite;
    private static DemoSeed.DemoApp demo;

    @BeforeAll
    static void startSuite() throws Exception {
        Path root = Path.of(System.getProperty("marquee.project.root", "..")).toAbsolutePath().normalize();
        suite = LocalSuite.start(SuiteConfig.randomPorts(root, root.resolve("e2e/target/edge-suite")),
                line -> System.out.println("[edge-suite] " + line));
        RestAssured.baseURI = suite.gatewayUrl();
        demo = new DemoSeed(suite.gatewayUrl()).seed(suite.operatorToken());
    }

    @AfterAll
    static void stopSuite() throws IOException {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aKeyIssuedThroughTheGatewayWorksUntilItIsRevoked() {
        Map<String, Object> issued = issue(Map.of("kind", "SDK_KEY", "name", "e2e key", "scopes", List.of("READ")));
        String key = (String) issued.get("secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> sdkStatus(key) == 200);

        given().auth().oauth2(demo.adminToken())
                .when().delete("/v1/apps/{appId}/keys/{id}", demo.appId(), issued.get("id"))
                .then().statusCode(204);
        // revocation travels campaign-service → outbox → Kafka → gateway key table
        await().atMost(Duration.ofSeconds(5)).until(() -> sdkStatus(key) == 401);
    }

    @Test
    void aViewerReadsButCannotChangeAndTheAuditNamesTheEditor() {
        String viewer = (String) issue(Map.of("kind", "ADMIN_TOKEN", "name", "read-only analyst", "role", "VIEWER"))
                .get("secret");
        String editor = (String) issue(Map.of("kind", "ADMIN_TOKEN", "name", "growth team", "role", "EDITOR"))
                .get("secret");
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(viewer)
                .when().get("/v1/apps/{appId}/campaigns", demo.appId()).statusCode() == 200);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(editor)
                .when().get("/v1/apps/{appId}/campaigns", demo.appId()).statusCode() == 200);

        given().auth().oauth2(viewer).contentType(ContentType.JSON).body(campaign())
                .when().post("/v1/apps/{appId}/campaigns", demo.appId())
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(editor).contentType(ContentType.JSON).body(Map.of("maxMessagesPerSession", 1,
                "maxMessagesPerDay", 1, "minSecondsBetweenMessages", 1))
                .when().put("/v1/apps/{appId}/settings", demo.appId())
                .then().statusCode(403);
        String id = given().auth().oauth2(editor).contentType(ContentType.JSON).body(campaign())
                .when().post("/v1/apps/{appId}/campaigns", demo.appId())
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(viewer)
                .when().get("/v1/apps/{appId}/campaigns/{id}/audit", demo.appId(), id)
                .then().statusCode(200)
                .body("items[0].principal", containsString("growth team"));
    }

    @Test
    void segmentsAreServedBySegmentServiceBehindTheGateway() {
        String segmentId = given().auth().oauth2(demo.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Gold", "rules", Map.of("attribute", "tier", "op", "eq", "value", "gold")))
                .when().post("/v1/apps/{appId}/segments", demo.appId())
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(demo.adminToken())
                .when().get("/v1/apps/{appId}/segments/{id}", demo.appId(), segmentId)
                .then().statusCode(200).body("name", equalTo("Gold"));
        given().auth().oauth2(demo.adminToken())
                .when().get("/v1/apps/{appId}/segments/{id}", "another-app", segmentId)
                .then().statusCode(404);
    }

    @Test
    void sdkAnswersCarryRateLimitsAndPreflightsFollowTheKeysOrigins() {
        given().header("X-Marquee-Key", demo.sdkKey()).queryParam("userId", DemoSeed.DEMO_USER)
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .header("RateLimit-Limit", notNullValue())
                .header("RateLimit-Remaining", notNullValue())
                .header("X-Request-Id", notNullValue());

        issue(Map.of("kind", "SDK_KEY", "name", "web shop", "allowedOrigins", List.of(SHOP)));
        await().atMost(Duration.ofSeconds(10)).until(() -> SHOP.equals(preflight(SHOP)));
        given().header("Origin", "https://evil.example.net").header("Access-Control-Request-Method", "GET")
                .when().options("/v1/sdk/messages")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    private static Map<String, Object> issue(Map<String, Object> body) {
        return given().auth().oauth2(demo.adminToken()).contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/keys", demo.appId())
                .then().statusCode(201).extract().path("");
    }

    private static int sdkStatus(String key) {
        return given().header("X-Marquee-Key", key).queryParam("userId", "u-1")
                .when().get("/v1/sdk/messages").statusCode();
    }

    private static String preflight(String origin) {
        return given().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .when().options("/v1/sdk/messages").header("Access-Control-Allow-Origin");
    }

    private static Map<String, Object> campaign() {
        return Map.of("name", "Edge", "triggers", List.of(Map.of("type", "SESSION_START")),
                "message", Map.of("format", "MODAL", "title", "Hi", "body", "There"));
    }
}
