package dev.marquee.gateway.keys.messaging;

import static dev.marquee.gateway.test.AppEvents.adminToken;
import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.deleted;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.gateway.test.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;

/** A deleted app's SDK keys and admin tokens are refused as soon as the gateway reads the deletion. */
@QuarkusTest
class DeletedAppTest {

    private static final Duration PROPAGATION = Duration.ofSeconds(15);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theDeletionAsCampaignServicePublishesItRevokesEveryCredentialForGood() {
        String appId = newId();
        String key = "mq_pk_" + newId();
        String token = "mq_at_" + newId();
        publish(bootstrap, app(appId, 3, sdkKey(newId(), key), adminToken(newId(), token)));
        awaitKey(key, 200);
        awaitToken(appId, token, 200);

        // campaign-service's two snapshots of a deletion: credentials revoked, then DELETED
        publish(bootstrap, app(appId, 4));
        publish(bootstrap, deleted(appId, 5));
        awaitKey(key, 401);
        awaitToken(appId, token, 401);

        // a snapshot from before the deletion, published late, brings nothing back
        publish(bootstrap, app(appId, 3, sdkKey(newId(), key), adminToken(newId(), token)));
        String later = "mq_pk_" + newId();
        publish(bootstrap, app(newId(), sdkKey(newId(), later)));
        awaitKey(later, 200);
        given().header("X-Marquee-Key", key).when().get("/v1/sdk/messages").then().statusCode(401);
        given().auth().oauth2(token).when().get("/v1/apps/{appId}", appId).then().statusCode(401);
    }

    @Test
    void theDeletedEventAloneRevokesTheKeys() {
        String appId = newId();
        String key = "mq_pk_" + newId();
        publish(bootstrap, app(appId, 1, sdkKey(newId(), key)));
        awaitKey(key, 200);

        publish(bootstrap, deleted(appId, 2));
        awaitKey(key, 401);
    }

    @Test
    void onlyTheOperatorDeletesAnApp() {
        String appId = newId();
        String token = "mq_at_" + newId();
        publish(bootstrap, app(appId, 1, adminToken(newId(), token)));
        awaitToken(appId, token, 200);

        given().auth().oauth2(token).when().delete("/v1/apps/{appId}", appId)
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(FakeUpstreams.OPERATOR_TOKEN).when().delete("/v1/apps/{appId}", appId)
                .then().statusCode(200); // the fake upstream answers 200 to everything it receives
    }

    private static void awaitKey(String key, int status) {
        await().atMost(PROPAGATION).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/messages")
                .then().statusCode(status));
    }

    private static void awaitToken(String appId, String token, int status) {
        await().atMost(PROPAGATION).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/v1/apps/{appId}", appId)
                .then().statusCode(status));
    }
}
