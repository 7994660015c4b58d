package dev.marquee.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.marquee.infra.local.DemoSeed;
import dev.marquee.infra.local.LocalSuite;
import dev.marquee.infra.local.Service;
import dev.marquee.infra.local.SuiteConfig;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The gateway in front of the real services and stores: keys issued, rotated and revoked through campaign-service
 * and enforced by the gateway via Kafka, roles against real upstreams, segment-service behind its route, rate-limit
 * headers from Redis, CORS preflight from a key's origins, identity verification, an SSE stream passed through
 * unbuffered, and a stopped upstream answered with a 503 rather than a hang.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
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

    @Test
    void withIdentityVerificationOnlyTheSignedUserIsServed() throws Exception {
        Map<String, Object> app = given().auth().oauth2(suite.operatorToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Verified shop"))
                .when().post("/v1/apps").then().statusCode(201).extract().path("");
        String appId = (String) app.get("id");
        String admin = (String) app.get("adminToken");
        String sdkKey = (String) app.get("sdkKey");
        new DemoSeed(suite.gatewayUrl()).awaitCredentialsLive(appId, admin, Duration.ofSeconds(30));
        String secret = given().auth().oauth2(admin).when()
                .post("/v1/apps/{appId}/identity-verification/secrets", appId)
                .then().statusCode(201).extract().path("secret");

        await().atMost(Duration.ofSeconds(10)).until(() -> verifiedCall(sdkKey, "alice", "0".repeat(64)) == 401);
        assertEquals(200, verifiedCall(sdkKey, "alice", hmac(secret, "alice")));
        assertEquals(401, verifiedCall(sdkKey, "alice", hmac(secret, "bob")), "bob's signature does not open alice");
        // a body speaking for another user than the signed one is refused by delivery-service
        given().header("X-Marquee-Key", sdkKey).header("X-Marquee-User-Id", "alice")
                .header("X-Marquee-User-Signature", hmac(secret, "alice")).contentType(ContentType.JSON)
                .body(Map.of("userId", "bob", "events", List.of(Map.of("eventId", "e-1", "type", "session_start"))))
                .when().post("/v1/sdk/events")
                .then().statusCode(401).body("errors[0].field", equalTo("userId"));
    }

    @Test
    void aServerSentMessageArrivesOverTheStreamThroughTheGateway() {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(suite.gatewayUrl() + "/v1/sdk/stream?userId=sse-user"))
                .header("X-Marquee-Key", demo.sdkKey()).header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> response.body().forEach(lines::add));
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.stream().anyMatch(l -> l.contains("connected")));

        given().auth().oauth2(demo.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("sse-user"), "message",
                        Map.of("format", "MODAL", "title", "Payment failed", "body", "Update your card")))
                .when().post("/v1/apps/{appId}/messages/send", demo.appId())
                .then().statusCode(202);
        await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains("Payment failed")));
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void aStoppedUpstreamIsA503NotAHang() {
        suite.stop(Service.DELIVERY);

        given().header("X-Marquee-Key", demo.sdkKey()).queryParam("userId", "u-1")
                .when().get("/v1/sdk/messages")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .time(lessThan(10_000L));
        // the other upstreams are unaffected
        given().auth().oauth2(demo.adminToken()).when().get("/v1/apps/{appId}/campaigns", demo.appId())
                .then().statusCode(200);
    }

    private static int verifiedCall(String sdkKey, String userId, String signature) {
        return given().header("X-Marquee-Key", sdkKey).header("X-Marquee-User-Id", userId)
                .header("X-Marquee-User-Signature", signature).queryParam("userId", userId)
                .when().get("/v1/sdk/messages").statusCode();
    }

    private static String hmac(String secret, String userId) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(userId.getBytes(StandardCharsets.UTF_8)));
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
