package dev.marquee.gateway.keys.health;

import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReadinessTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void readyOnceTheKeyTableCaughtUp() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'key-table' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'key-table' }.data.'app.events.v1-0'", notNullValue()));

        // and the table is live: a key published now is served
        String key = "mq_pk_" + newId();
        publish(bootstrap, app(newId(), sdkKey(newId(), key)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/messages").then().statusCode(200));
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'key-table' }.data.credentials", greaterThanOrEqualTo(1))
                .body("checks.name", hasItem("key-table"));
    }
}
