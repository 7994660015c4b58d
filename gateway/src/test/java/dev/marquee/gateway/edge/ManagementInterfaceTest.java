package dev.marquee.gateway.edge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Metrics and OpenAPI are off the public edge (management port only); the platform's health probes stay on it. */
@QuarkusTest
class ManagementInterfaceTest {

    // relative to the management root (/q)
    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource(value = "/openapi", management = true)
    URL openapi;

    @Test
    void thePublicPortServesNoOperationalEndpointButTheProbes() {
        for (String path : new String[]{"/q/metrics", "/q/openapi", "/q/swagger-ui", "/q/swagger-ui/", "/q/dev-ui",
                "/q/info", "/q"}) {
            given().when().get(path).then().statusCode(404).contentType("application/problem+json");
        }
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/started").then().statusCode(200);
    }

    @Test
    void theManagementPortServesMetricsAndOpenApi() {
        given().when().get(metrics).then().statusCode(200).body(containsString("jvm_"));
        given().when().get(openapi).then().statusCode(200).body(containsString("Marquee"));
    }
}
