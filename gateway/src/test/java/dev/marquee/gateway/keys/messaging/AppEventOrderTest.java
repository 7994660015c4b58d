package dev.marquee.gateway.keys.messaging;

import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * App snapshots through the real {@code app.events.v1} topic, out of order: a snapshot older than the one applied
 * (a lower version, published late) neither brings back the key it still lists nor drops the newer key.
 */
@QuarkusTest
class AppEventOrderTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anOlderSnapshotArrivingAfterANewerOneIsIgnored() {
        String appId = newId();
        String revoked = "mq_pk_" + newId();
        String current = "mq_pk_" + newId();
        publish(bootstrap, app(appId, 2, sdkKey(newId(), revoked)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> sdk(revoked, 200));
        publish(bootstrap, app(appId, 4, sdkKey(newId(), current)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> sdk(current, 200));
        sdk(revoked, 401);

        // version 3 committed before 4 but reached the topic after it
        publish(bootstrap, app(appId, 3, sdkKey(newId(), revoked)));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).untilAsserted(() -> {
            sdk(revoked, 401);
            sdk(current, 200);
        });

        // a newer one still applies
        publish(bootstrap, app(appId, 5, sdkKey(newId(), revoked), sdkKey(newId(), current)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> sdk(revoked, 200));
    }

    private static void sdk(String key, int status) {
        given().header("X-Marquee-Key", key).when().get("/v1/sdk/messages").then().statusCode(status);
    }
}
