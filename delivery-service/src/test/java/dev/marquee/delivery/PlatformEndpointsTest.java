package dev.marquee.delivery;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest {

    @Test
    void livenessOpenApiAndMetricsAreServed() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));

        given().when().get("/q/openapi").then().statusCode(200).body(containsString("/v1/sdk/messages"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }
}
