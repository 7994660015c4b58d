package dev.marquee.gateway.routing.rest;

import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** One tenant's timeouts open the breaker for that tenant on that upstream only. */
@QuarkusTest
class BreakerPerAppTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void oneAppsTimeoutsDoNotHoldBackAnotherApp() {
        String noisy = known();
        String quiet = known();
        // the failure threshold is 5; /slow answers after 3 s, the SDK timeout is 1 s
        for (int i = 0; i < 5; i++) {
            given().header("X-Marquee-Key", noisy).when().get("/v1/sdk/slow").then().statusCode(504);
        }
        given().header("X-Marquee-Key", noisy).when().get("/v1/sdk/messages")
                .then().statusCode(503).body("detail", containsString("held back"));
        given().header("X-Marquee-Key", quiet).when().get("/v1/sdk/messages").then().statusCode(200);
    }

    private String known() {
        String key = "mq_pk_" + newId();
        publish(bootstrap, app(newId(), sdkKey(newId(), key)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/messages").then().statusCode(200));
        return key;
    }
}
