package dev.marquee.gateway.edge;

import static dev.marquee.gateway.test.AppEvents.adminToken;
import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.app.SdkScope;
import dev.marquee.gateway.test.FakeUpstreams;
import dev.marquee.infra.test.RawHttp;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The scope and the credential are decided on the path that is routed: a READ key cannot reach the DEBUG explain
 * through another spelling of its path, and no spelling of a management path reaches another app. Sent with a raw
 * socket, since HTTP clients normalise the very forms under test.
 */
@QuarkusTest
class CanonicalPathTest {

    /** Each of them routes (or would, once normalised) to {@code /v1/sdk/explain}. */
    static final List<String> EXPLAIN_SPELLINGS = List.of(
            "/v1/sdk/messages/../explain", "/v1/sdk/%65xplain", "//v1/sdk/explain", "/v1/sdk/./explain",
            "/v1/sdk/messages/%2E%2E/explain", "/v1/sdk/messages/%2e%2e/explain", "/v1/sdk/messages/.%2E/explain",
            "/v1/sdk/messages%2F..%2Fexplain", "/v1/sdk/messages/..%2Fexplain", "/v1/sdk//explain",
            "/v1/sdk/messages\\..\\explain", "/v1/sdk/messages/..\\explain", "/v1/sdk;x=1/explain",
            "/v1/sdk/messages;/../explain", "/v1/sdk/%2e/explain", "/v1/%73dk/explain", "/v1/sdk/ex%70lain",
            "/v1/sdk/messages/%2E%2E%2Fexplain", "/v1/sdk/messages/%zz/../explain", "/v1/sdk/messages/%2/../explain",
            "/v1/sdk/messages/%5C..%5Cexplain", "/./v1/sdk/explain", "/v1/sdk/messages/..");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL gateway;

    private String readKey;
    private String appId;
    private String adminToken;

    @BeforeEach
    void aReadOnlyKey() {
        appId = newId();
        readKey = "mq_pk_" + newId();
        adminToken = "mq_at_" + newId();
        publish(bootstrap, app(appId, sdkKey(newId(), readKey, List.of(SdkScope.READ), List.of(), List.of(), null),
                adminToken(newId(), adminToken)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", readKey)
                .when().get("/v1/sdk/messages").then().statusCode(200));
    }

    @Test
    void noSpellingOfExplainPassesWithAReadKey() throws Exception {
        assertEquals(403, send("/v1/sdk/explain", Map.of("X-Marquee-Key", readKey)).status(),
                "the canonical path needs the DEBUG scope");
        for (String spelling : EXPLAIN_SPELLINGS) {
            String requestId = "canonical-" + newId();
            RawHttp.Answer answer = send(spelling, Map.of("X-Marquee-Key", readKey, "X-Request-Id", requestId));
            assertEquals(400, answer.status(), spelling + " → " + answer.head());
            assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"),
                    spelling + " → " + answer.head());
            assertTrue(answer.body().contains("not canonical"), spelling + " → " + answer.body());
            assertFalse(FakeUpstreams.RECEIVED_REQUEST_IDS.contains(requestId), spelling + " reached the upstream");
        }
    }

    @Test
    void noSpellingOfAManagementPathLeavesTheApp() throws Exception {
        String other = newId();
        for (String spelling : List.of("/v1/apps/" + appId + "/../" + other + "/campaigns",
                "/v1/apps/" + other + "/../" + appId + "/campaigns", "/v1/apps/" + appId + "/..%2F" + other
                        + "%2Fcampaigns",
                "/v1/apps/" + appId + "%2F..%2F" + other + "/campaigns",
                "/v1/apps/" + appId + "/campaigns/%2E%2E/%2E%2E/" + other + "/campaigns")) {
            RawHttp.Answer answer = send(spelling, Map.of("Authorization", "Bearer " + adminToken));
            assertEquals(400, answer.status(), spelling + " → " + answer.head());
        }
        assertEquals(200, send("/v1/apps/" + appId + "/campaigns", Map.of("Authorization", "Bearer " + adminToken))
                .status());
    }

    @Test
    void escapesThatMeanSomethingStillPass() throws Exception {
        RawHttp.Answer answer = send("/v1/sdk/messages?userId=a%2Fb%20c", Map.of("X-Marquee-Key", readKey));
        assertEquals(200, answer.status(), answer.head());
        assertTrue(answer.body().contains("/v1/sdk/messages?userId=a%2Fb%20c"), answer.body());
        assertEquals(200, send("/v1/apps/" + appId + "/users/a%40b%20c", Map.of("Authorization", "Bearer " + adminToken))
                .status());
    }

    @Test
    void oneUsersExplanationGoesToDelivery() throws Exception {
        RawHttp.Answer answer = send("/v1/apps/" + appId + "/users/u1/explain?trigger=session_start",
                Map.of("Authorization", "Bearer " + adminToken));
        assertEquals(200, answer.status(), answer.head());
        assertEquals("delivery", answer.header("X-Upstream"));
        assertEquals("segment", send("/v1/apps/" + appId + "/users/u1", Map.of("Authorization", "Bearer " + adminToken))
                .header("X-Upstream"));
    }

    private RawHttp.Answer send(String target, Map<String, String> headers) throws Exception {
        return RawHttp.send(gateway.getHost(), gateway.getPort(), "GET", target, headers);
    }
}
