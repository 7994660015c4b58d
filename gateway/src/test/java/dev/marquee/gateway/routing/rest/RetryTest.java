package dev.marquee.gateway.routing.rest;

import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** A read whose connection the upstream dropped unanswered is retried once; a write never is. */
@QuarkusTest
class RetryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private String key;

    @BeforeEach
    void anSdkKey() {
        key = "mq_pk_" + newId();
        publish(bootstrap, app(newId(), sdkKey(newId(), key)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/messages").then().statusCode(200));
    }

    @Test
    void aDroppedReadIsRetriedOnce() {
        given().header("X-Marquee-Key", key).header("X-Request-Id", "retried-" + newId())
                .when().get("/v1/sdk/flaky")
                .then().statusCode(200)
                .body("upstream", equalTo("delivery"))
                .body("method", equalTo("GET"));
    }

    @Test
    void aDroppedWriteIsNotRetried() {
        String requestId = "not-retried-" + newId();
        given().header("X-Marquee-Key", key).header("X-Request-Id", requestId)
                .contentType("application/json").body("{\"event\":\"purchase\"}")
                .when().post("/v1/sdk/flaky")
                .then().statusCode(502)
                .contentType("application/problem+json");
        given().header("X-Marquee-Key", key).when().get("/v1/sdk/messages")
                .then().statusCode(200);
    }
}
