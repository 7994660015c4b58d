package dev.marquee.gateway.routing.rest;

import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.AppEventType;
import dev.marquee.contracts.app.IdentitySecret;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.gateway.keys.UserSignature;
import io.quarkus.test.junit.QuarkusTest;

/** An app that verifies identities: an SDK call for user A needs A's signature; the user id reaches delivery proven. */
@QuarkusTest
class IdentityVerificationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aCallForAUserNeedsThatUsersSignature() {
        String key = "mq_pk_" + newId();
        String secret = "mq_is_" + newId();
        String appId = newId();
        publish(bootstrap, new AppEvent(newId(), AppEventType.SETTINGS_CHANGED, appId, "Verified", Instant.now(),
                List.of(sdkKey(newId(), key)), WorkspaceSettings.DEFAULTS,
                List.of(new IdentitySecret(newId(), secret, null))));
        String alice = HexFormat.of().formatHex(UserSignature.hmac(secret, "alice"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/messages?userId=alice").then().statusCode(401));

        given().header("X-Marquee-Key", key).header("X-Marquee-User-Id", "alice")
                .header("X-Marquee-User-Signature", alice)
                .header("X-Marquee-Verified-User-Id", "forged")
                .when().get("/v1/sdk/messages?userId=alice")
                .then().statusCode(200)
                .body("headers.x-marquee-verified-user-id", equalTo(List.of("alice")))
                .body("headers.x-marquee-user-signature", nullValue());

        given().header("X-Marquee-Key", key).header("X-Marquee-User-Id", "alice")
                .header("X-Marquee-User-Signature", alice)
                .when().get("/v1/sdk/messages?userId=bob")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Marquee-Key", key).header("X-Marquee-User-Id", "bob")
                .header("X-Marquee-User-Signature", alice)
                .when().get("/v1/sdk/messages?userId=bob")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void anAppWithoutSecretsVouchesForNobody() {
        String key = "mq_pk_" + newId();
        publish(bootstrap, new AppEvent(newId(), AppEventType.CREATED, newId(), "Plain", Instant.now(),
                List.of(sdkKey(newId(), key)), WorkspaceSettings.DEFAULTS));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .header("X-Marquee-Verified-User-Id", "forged")
                .when().get("/v1/sdk/messages?userId=anyone")
                .then().statusCode(200)
                .body("headers.x-marquee-verified-user-id", nullValue()));
    }
}
