package dev.marquee.gateway.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.marquee.gateway.keys.SecretHash;
import dev.marquee.gateway.test.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Both upstreams and Redis on ports nobody listens on: the gateway answers 503 at once, neither hangs nor fails with
 * 500, and rate limits fall back to this instance's buckets.
 */
@QuarkusTest
@TestProfile(UnreachableUpstreamTest.NothingListens.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class UnreachableUpstreamTest {

    @Test
    @Order(1)
    void anUnreachableUpstreamIsServiceUnavailable() {
        given().auth().oauth2(FakeUpstreams.OPERATOR_TOKEN)
                .when().get("/v1/apps")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("title", equalTo("Service unavailable"))
                .body("status", equalTo(503))
                .time(lessThan(2_000L));
    }

    @Test
    @Order(2)
    void afterRepeatedFailuresTheBreakerAnswersAtOnce() {
        String detail = "";
        for (int i = 0; i < 4 && !detail.contains("held back"); i++) {
            detail = given().auth().oauth2(FakeUpstreams.OPERATOR_TOKEN)
                    .when().get("/v1/apps")
                    .then().statusCode(503)
                    .header("Retry-After", notNullValue())
                    .extract().path("detail");
        }
        assertTrue(detail.contains("held back"), "the circuit breaker must open: " + detail);
    }

    @Test
    @Order(3)
    void withoutRedisTheLimitsHoldPerInstance() {
        int status = 0;
        for (int i = 0; i < 10 && status != 429; i++) {
            status = given().auth().oauth2(FakeUpstreams.OPERATOR_TOKEN)
                    .when().get("/v1/apps")
                    .then().header("RateLimit-Limit", equalTo("8"))
                    .time(lessThan(2_000L))
                    .extract().statusCode();
            assertTrue(status == 503 || status == 429, "got " + status);
        }
        assertEquals(429, status, "Redis down: the calls are still answered, and this instance's bucket still limits");
    }

    public static class NothingListens implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            // port 1 (privileged, nothing listens): refused at once. A free port picked and released here was once
            // taken by a stand-in upstream started after it, which then answered 200.
            String closed = "http://127.0.0.1:1";
            return Map.of(
                    "marquee.gateway.campaign-url", closed,
                    "marquee.gateway.delivery-url", closed,
                    "quarkus.redis.hosts", "redis://127.0.0.1:1",
                    "marquee.gateway.rate-limits.admin-capacity", "8",
                    "marquee.gateway.rate-limits.admin-refill-per-second", "0.1",
                    "marquee.gateway.operator-token-sha256",
                    SecretHash.sha256Hex(FakeUpstreams.OPERATOR_TOKEN));
        }
    }
}
