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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.gateway.test.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.vertx.mutiny.redis.client.RedisAPI;

/** Token buckets in the real Redis: three SDK calls, two admin calls, then 429 until a token is back. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBuckets.class)
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
        assertEquals(1, redis.exists(List.of("mq:rate:{" + keyId + "}")).await().indefinitely().toInteger(),
                "the bucket lives in Redis, shared by every gateway instance");

        // one token per second comes back
        await().atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(250))
                .until(() -> sdk(key, "again-" + newId()).statusCode() == 200);
    }

    /**
     * Redis forgets its scripts on a restart or failover: the script runs by its SHA-1, and a NOSCRIPT answer loads it
     * and runs the call again, in Redis (not by the local buckets, which would leave the Redis bucket untouched).
     */
    @Test
    void aFlushedScriptIsLoadedAgainAndTheBucketStillCounts() throws Exception {
        String appId = newId();
        String key = "mq_pk_" + newId();
        String keyId = newId();
        publish(bootstrap, app(appId, sdkKey(keyId, key)));
        awaitKnown(key);
        String bucket = "mq:rate:{" + keyId + "}";

        assertEquals(200, sdk(key, "before-" + newId()).statusCode());
        long atBefore = redis.hget(bucket, "at").await().indefinitely().toLong();
        assertEquals(1, scriptExists(), "the script is loaded once it has run");

        redis.script(List.of("FLUSH")).await().indefinitely();
        assertEquals(0, scriptExists(), "SCRIPT FLUSH forgot the script");
        await().pollDelay(Duration.ofMillis(5)).until(() -> true);

        Response after = sdk(key, "after-" + newId());
        assertEquals(200, after.statusCode(), "a call after the flush still passes");
        assertEquals(1, scriptExists(), "NOSCRIPT loaded the script again");
        long atAfter = redis.hget(bucket, "at").await().indefinitely().toLong();
        assertTrue(atAfter > atBefore, "the call took its token in Redis: " + atBefore + " then " + atAfter);
        double tokens = Double.parseDouble(redis.hget(bucket, "tokens").await().indefinitely().toString());
        assertEquals((long) Math.floor(tokens), Long.parseLong(after.header("RateLimit-Remaining")),
                "the answer reports the Redis bucket");
        assertTrue(tokens < 3, "the bucket counted the call: " + tokens);
    }

    private int scriptExists() throws Exception {
        String source;
        try (var in = RateLimitTest.class.getResourceAsStream("/limits/token-bucket.lua")) {
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                .digest(source.getBytes(StandardCharsets.UTF_8)));
        return redis.script(List.of("EXISTS", sha)).await().indefinitely().get(0).toInteger();
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
                    "marquee.gateway.rate-limits.admin-refill-per-second", "0.2",
                    // a reload after NOSCRIPT takes two more round trips: on a busy machine they must not be
                    // decided by the local buckets instead
                    "marquee.gateway.rate-limits.redis-timeout", "2s");
        }
    }
}
