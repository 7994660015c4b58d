package dev.marquee.gateway.routing.rest;

import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the OpenTelemetry SDK on: the upstream's parent is the gateway's span, in the client's trace. */
@QuarkusTest
@TestProfile(TracePropagationTest.TracingOn.class)
class TracePropagationTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String CLIENT_SPAN = "00f067aa0ba902b7";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void theTraceContinuesThroughTheGateway() {
        String key = "mq_pk_" + newId();
        publish(bootstrap, app(newId(), sdkKey(newId(), key)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/messages").then().statusCode(200));

        String forwarded = given().header("X-Marquee-Key", key)
                .header("traceparent", "00-" + TRACE_ID + "-" + CLIENT_SPAN + "-01")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .extract().path("headers.traceparent[0]");
        String[] parts = forwarded.split("-");
        assertEquals(TRACE_ID, parts[1], "the client's trace goes on");
        assertNotEquals(CLIENT_SPAN, parts[2], "with the gateway's span as the upstream's parent");

        String started = given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .extract().path("headers.traceparent[0]");
        assertTrue(started != null && started.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"), String.valueOf(started));
    }

    public static class TracingOn implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false", "quarkus.otel.traces.exporter", "none");
        }
    }
}
