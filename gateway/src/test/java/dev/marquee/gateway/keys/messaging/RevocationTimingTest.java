package dev.marquee.gateway.keys.messaging;

import static dev.marquee.gateway.test.AppEvents.adminToken;
import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.SdkScope;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Revocation and rotation through the real {@code app.events.v1} topic: a revoked credential stops working within one
 * second of its event being written; a rotated one keeps working through its overlap and stops at its end, with no
 * further event.
 */
@QuarkusTest
class RevocationTimingTest {

    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static final Duration POLL = Duration.ofMillis(20);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aRevokedSdkKeyAndAdminTokenStopWithinOneSecond() {
        String appId = newId();
        String key = "mq_pk_" + newId();
        String token = "mq_at_" + newId();
        String kept = "mq_at_" + newId();
        String keptId = newId();
        publish(bootstrap, app(appId, sdkKey(newId(), key), adminToken(newId(), token), adminToken(keptId, kept)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> sdk(key, 200));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> admin(token, appId, 200));

        publish(bootstrap, app(appId, adminToken(keptId, kept)));
        // the clock starts once the event is in the topic: that is when campaign-service's revocation has happened
        await().atMost(WITHIN).pollInterval(POLL).untilAsserted(() -> sdk(key, 401));
        await().atMost(WITHIN).pollInterval(POLL).untilAsserted(() -> admin(token, appId, 401));
        admin(kept, appId, 200);
    }

    @Test
    void aRotatedKeyWorksThroughItsOverlapThenStops() {
        String appId = newId();
        String oldKey = "mq_pk_" + newId();
        String newKey = "mq_pk_" + newId();
        Instant overlapEnd = Instant.now().plusSeconds(3);
        publish(bootstrap, app(appId,
                sdkKey(newId(), oldKey, List.of(SdkScope.READ, SdkScope.TRACK), List.of(), List.of(), overlapEnd),
                sdkKey(newId(), newKey, List.of(SdkScope.READ, SdkScope.TRACK), List.of(), List.of(), null)));
        await().atMost(Duration.ofSeconds(2)).pollInterval(POLL).untilAsserted(() -> sdk(newKey, 200));
        sdk(oldKey, 200);

        await().atMost(Duration.ofSeconds(5)).pollInterval(POLL).untilAsserted(() -> sdk(oldKey, 401));
        sdk(newKey, 200);
    }

    @Test
    void scopesAndBindingsAreEnforcedOverHttp() {
        String appId = newId();
        String readOnlyWeb = "mq_pk_" + newId();
        publish(bootstrap, app(appId,
                sdkKey(newId(), readOnlyWeb, List.of(SdkScope.READ), List.of("https://shop.example"), List.of(), null),
                adminToken(newId(), "mq_at_" + newId(), AdminRole.VIEWER)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", readOnlyWeb)
                .header("Origin", "https://shop.example")
                .when().get("/v1/sdk/messages").then().statusCode(200));

        given().header("X-Marquee-Key", readOnlyWeb).header("Origin", "https://shop.example")
                .contentType("application/json").body("{}")
                .when().post("/v1/sdk/events").then().statusCode(403).contentType("application/problem+json");
        given().header("X-Marquee-Key", readOnlyWeb).header("Origin", "https://evil.example")
                .when().get("/v1/sdk/messages").then().statusCode(403).contentType("application/problem+json");
        given().header("X-Marquee-Key", readOnlyWeb)
                .when().get("/v1/sdk/messages").then().statusCode(403);
    }

    private static void sdk(String key, int status) {
        given().header("X-Marquee-Key", key).when().get("/v1/sdk/messages").then().statusCode(status);
    }

    private static void admin(String token, String appId, int status) {
        given().auth().oauth2(token).when().get("/v1/apps/{appId}/campaigns", appId).then().statusCode(status);
    }
}
