package dev.marquee.gateway.limits;

import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** One user of an SDK key draining its bucket leaves the key's other users theirs; the key's bucket bounds them all. */
@QuarkusTest
@TestProfile(PerUserRateLimitTest.UserBuckets.class)
class PerUserRateLimitTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void oneUserDrainingDoesNotStopAnother() {
        String key = "mq_pk_" + newId();
        publish(bootstrap, app(newId(), sdkKey(newId(), key)));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(200))
                .until(() -> call(key, "warm-" + newId()) != 401);

        String greedy = "greedy-" + newId();
        for (int i = 0; i < 3; i++) {
            assertEquals(200, call(key, greedy), "within the user's burst");
        }
        assertEquals(429, call(key, greedy), "the user's own bucket is empty");
        given().header("X-Marquee-Key", key).queryParam("userId", greedy).when().get("/v1/sdk/messages")
                .then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue())
                .header("RateLimit-Limit", "3").contentType("application/problem+json");

        assertEquals(200, call(key, "patient-" + newId()), "another user of the same key is not limited by it");
        assertEquals(200, call(key, "patient-" + newId()));
        // the key's bucket (8) still bounds every user together: 1 warm-up + 3 + 2 taken so far (refused calls take none)
        assertEquals(200, call(key, "third-" + newId()));
        assertEquals(200, call(key, "fourth-" + newId()));
        assertEquals(429, call(key, "fifth-" + newId()), "the key's overall bucket is empty");
    }

    private static int call(String key, String userId) {
        return given().header("X-Marquee-Key", key).queryParam("userId", userId)
                .when().get("/v1/sdk/messages").statusCode();
    }

    public static class UserBuckets implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "marquee.gateway.rate-limits.sdk-capacity", "8",
                    "marquee.gateway.rate-limits.sdk-refill-per-second", "0.01",
                    "marquee.gateway.rate-limits.sdk-user-capacity", "3",
                    "marquee.gateway.rate-limits.sdk-user-refill-per-second", "0.01",
                    // the buckets counted here are Redis's: on a busy machine a call slower than the default 100 ms
                    // would be decided by the local fallback instead and not count (UnreachableUpstreamTest covers that path)
                    "marquee.gateway.rate-limits.redis-timeout", "2s");
        }
    }
}
