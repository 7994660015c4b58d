package dev.marquee.gateway.keys.messaging;

import static dev.marquee.gateway.test.AppEvents.adminToken;
import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.publishRaw;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** SDK keys come from {@code app.events.v1}: valid once published, invalid once a later event drops them. */
@QuarkusTest
class SdkKeyTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(15);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void aMissingKeyIsRefused() {
        given().when().get("/v1/sdk/messages")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", equalTo("Unauthorized"))
                .body("status", equalTo(401))
                .body("detail", not(emptyOrNullString()));
    }

    @Test
    void anUnknownKeyOrAnAdminTokenIsRefused() {
        String appId = newId();
        String token = "mq_at_" + newId();
        publish(bootstrap, app(appId, adminToken(newId(), token)));
        awaitAdminToken(appId, token);

        given().header("X-Marquee-Key", "mq_pk_" + newId()).when().get("/v1/sdk/messages")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("X-Marquee-Key", token).when().get("/v1/sdk/messages")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aPublishedKeyWorksUntilALaterEventDropsIt() {
        String appId = newId();
        String kept = "mq_pk_" + newId();
        String revoked = "mq_pk_" + newId();
        publish(bootstrap, app(appId, sdkKey(newId(), kept), sdkKey(newId(), revoked)));
        awaitKey(revoked, 200);
        given().header("X-Marquee-Key", kept).when().get("/v1/sdk/messages")
                .then().statusCode(200).body("headers.x-marquee-app-id[0]", equalTo(appId));

        publish(bootstrap, app(appId, sdkKey(newId(), kept)));
        awaitKey(revoked, 401);
        given().header("X-Marquee-Key", kept).when().get("/v1/sdk/messages").then().statusCode(200);
    }

    @Test
    void aTombstoneRemovesEveryKeyOfTheApp() {
        String appId = newId();
        String key = "mq_pk_" + newId();
        publish(bootstrap, app(appId, sdkKey(newId(), key)));
        awaitKey(key, 200);

        publishRaw(bootstrap, appId, null);
        awaitKey(key, 401);
    }

    @Test
    void anUnreadableRecordIsSkippedAndKeepsTheKeys() {
        String appId = newId();
        String key = "mq_pk_" + newId();
        publish(bootstrap, app(appId, sdkKey(newId(), key)));
        awaitKey(key, 200);

        publishRaw(bootstrap, appId, "{not json");
        String later = "mq_pk_" + newId();
        publish(bootstrap, app(newId(), sdkKey(newId(), later)));
        // the consumer is still reading after the bad record, and the bad record did not wipe the app
        awaitKey(later, 200);
        given().header("X-Marquee-Key", key).when().get("/v1/sdk/messages").then().statusCode(200);
    }

    private static void awaitKey(String key, int status) {
        await().atMost(PROPAGATION).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/messages")
                .then().statusCode(status));
    }

    private static void awaitAdminToken(String appId, String token) {
        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/v1/apps/{appId}", appId)
                .then().statusCode(200));
    }
}
