package dev.marquee.gateway.limits;

import static dev.marquee.gateway.test.AppEvents.adminToken;
import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.gateway.test.FakeUpstreams;
import dev.marquee.infra.test.KafkaResource;
import dev.marquee.infra.test.RedisResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.RedisAPI;

/** Token buckets in the real Redis: three SDK calls, two admin calls, then 429 until a token is back. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBuckets.class)
@WithTestResource(value = KafkaResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RedisResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeUpstreams.class, parallel = true, scope = TestResourceScope.GLOBAL)
class RateLimitTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RedisAPI redis;

    @Test
    void anSdkKeyGetsItsBurstThen429WithRetryAfter() {
        String appId = newId();
        String key = "mq_pk_" + newId();
        String keyId = newId();
        String other = "mq_pk_" + newId();
        publish(bootstrap, app(appId, sdkKey(keyId, key), sdkKey(newId(), other)));
        awaitKnown(key);

        Response refused = null;
        for (int i = 0; i < 10 && refused == null; i++) {
            Response response = sdk(key, "limit-" + newId());
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertEquals(200, response.statusCode());
                assertEquals("3", response.header("RateLimit-Limit"));
                assertTrue(Integer.parseInt(response.header("RateLimit-Remaining")) <= 2);
            }
        }
        assertTrue(refused != null, "the bucket of 3 must run dry within 10 calls");
        assertEquals("application/problem+json", refused.contentType());
        assertEquals(429, refused.jsonPath().getInt("status"));
        assertEquals("0", refused.header("RateLimit-Remaining"));
        assertTrue(Long.parseLong(refused.header("Retry-After")) >= 1);
        assertTrue(Long.parseLong(refused.header("RateLimit-Reset")) >= 1);
        String requestId = refused.header("X-Request-Id");
        assertFalse(FakeUpstreams.RECEIVED_REQUEST_IDS.contains(requestId), "a refused call never reaches delivery");

        assertEquals(200, sdk(other, "other-" + newId()).statusCode(), "every key has its own bucket");
        assertEquals(1, redis.exists(List.of("marquee:rate:{" + keyId + "}")).await().indefinitely().toInteger(),
                "the bucket lives in Redis, shared by every gateway instance");

        // one token per second comes back
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> sdk(key, "again-" + newId()).statusCode() == 200);
    }

    @Test
    void anAdminTokenHasItsOwnSmallerBucket() {
        String appId = newId();
        String token = "mq_at_" + newId();
        publish(bootstrap, app(appId, adminToken(newId(), token)));
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> given().auth().oauth2(token).when().get("/v1/apps/{appId}", appId).statusCode() != 401);

        int passed = 0;
        int status = 200;
        for (int i = 0; i < 5 && status != 429; i++) {
            status = given().auth().oauth2(token).when().get("/v1/apps/{appId}/campaigns", appId)
                    .then().header("RateLimit-Limit", equalTo("2")).extract().statusCode();
            passed += status == 200 ? 1 : 0;
        }
        assertEquals(429, status);
        assertTrue(passed <= 2, "at most the capacity passes");
    }

    private static void awaitKnown(String key) {
        // slow polling: every call takes a token
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(1100))
                .until(() -> sdk(key, "wait-" + newId()).statusCode() != 401);
        await().pollDelay(Duration.ofSeconds(3)).until(() -> true);
    }

    private static Response sdk(String key, String requestId) {
        return given().header("X-Marquee-Key", key).header("X-Request-Id", requestId)
                .when().get("/v1/sdk/messages").andReturn();
    }

    public static class SmallBuckets implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "marquee.gateway.rate-limits.sdk-capacity", "3",
                    "marquee.gateway.rate-limits.sdk-refill-per-second", "1",
                    "marquee.gateway.rate-limits.admin-capacity", "2",
                    "marquee.gateway.rate-limits.admin-refill-per-second", "0.2");
        }
    }
}
