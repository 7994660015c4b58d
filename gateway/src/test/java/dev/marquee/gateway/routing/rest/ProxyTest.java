package dev.marquee.gateway.routing.rest;

import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.contracts.trust.GatewayAssertion;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** What goes upstream and what comes back: gateway-set identity only, bodies streamed, failures as problems. */
@QuarkusTest
class ProxyTest {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL gateway;

    private String appId;
    private String key;

    @BeforeEach
    void anAppWithAnSdkKey() {
        appId = newId();
        key = "mq_pk_" + newId();
        publish(bootstrap, app(appId, sdkKey(newId(), key)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/messages")
                .then().statusCode(200));
    }

    @Test
    void aLocationNamesThePublicAddressNotTheUpstreams() {
        String publicHost = gateway.getHost() + ":" + gateway.getPort();
        given().header("X-Marquee-Key", key).redirects().follow(false)
                .when().post("/v1/sdk/events/located")
                .then().statusCode(201)
                .header("Location", equalTo("http://" + publicHost + "/v1/sdk/events/42?v=1"));
        given().header("X-Marquee-Key", key).header("Host", "api.shop.example").redirects().follow(false)
                .when().post("/v1/sdk/events/located")
                .then().statusCode(201)
                .header("Location", equalTo("http://api.shop.example/v1/sdk/events/42?v=1"));
    }

    @Test
    void theUpstreamGetsTheBodyAndOnlyIdentityTheGatewaySet() {
        given().header("X-Marquee-Key", key)
                .header("X-Marquee-App-Id", "someone-else")
                .header("X-Marquee-Principal", "operator")
                .header("Authorization", "Bearer mq_op_forged")
                .header("X-Request-Id", "req-42.a_b")
                .header("X-Custom", "kept")
                .contentType("application/json")
                .body("{\"events\":[1,2,3]}")
                .when().post("/v1/sdk/events?userId=u1")
                .then().statusCode(201)
                .header("X-Request-Id", "req-42.a_b")
                .header("X-Upstream", "delivery")
                .header("Keep-Alive", nullValue())
                .contentType("application/json")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/v1/sdk/events?userId=u1"))
                .body("body", equalTo("{\"events\":[1,2,3]}"))
                .body("headers.x-marquee-app-id", equalTo(List.of(appId)))
                .body("headers.x-request-id", equalTo(List.of("req-42.a_b")))
                .body("headers.x-custom", equalTo(List.of("kept")))
                .body("headers.x-marquee-principal", nullValue())
                .body("headers.x-marquee-key", nullValue())
                .body("headers.authorization", nullValue());
    }

    @Test
    void theUpstreamGetsAnAssertionOverExactlyWhatTheGatewayForwarded() {
        io.restassured.path.json.JsonPath forwarded = given().header("X-Marquee-Key", key)
                .header("X-Marquee-Assertion", "v1.1.9999999999.forged")
                .when().get("/v1/sdk/messages?userId=u1&x=%20y")
                .then().statusCode(200)
                .extract().jsonPath();
        List<String> assertions = forwarded.getList("headers.x-marquee-assertion");
        assertEquals(1, assertions.size(), "the client's own assertion is dropped");
        GatewayAssertion verifier = new GatewayAssertion(List.of("marquee-test-trust-key-only-for-tests-0001"),
                Clock.systemUTC());
        assertTrue(verifier.verify(assertions.get(0), new AssertedRequest("GET", forwarded.getString("uri"), appId,
                null, null, null)));
    }

    @Test
    void aBodyUpToTheLimitArrivesWhole() {
        String body = "x".repeat(256 * 1024);
        given().header("X-Marquee-Key", key).contentType("text/plain").body(body)
                .when().put("/v1/sdk/profile")
                .then().statusCode(200)
                .body("body.length()", equalTo(body.length()));
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefused() throws Exception {
        byte[] body = new byte[256 * 1024 + 1];
        HttpRequest upload = HttpRequest.newBuilder(gateway.toURI().resolve("/v1/sdk/profile"))
                .header("X-Marquee-Key", key)
                // no length known up front: sent chunked, so only counting while streaming can catch it
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode());
        assertEquals("application/problem+json", response.headers().firstValue("content-type").orElse(null));
    }

    @Test
    void anUnusableRequestIdIsReplacedAndPassedOn() {
        String id = given().header("X-Marquee-Key", key).header("X-Request-Id", "no spaces; or <tags>")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .header("X-Request-Id", matchesPattern(UUID))
                .extract().header("X-Request-Id");
        given().header("X-Marquee-Key", key).header("X-Request-Id", id)
                .when().get("/v1/sdk/messages")
                .then().body("headers.x-request-id", equalTo(List.of(id)));
        given().header("X-Marquee-Key", key).header("X-Request-Id", "a".repeat(129))
                .when().get("/v1/sdk/messages")
                .then().header("X-Request-Id", matchesPattern(UUID));
        given().when().get("/v1/sdk/messages")
                .then().statusCode(401).header("X-Request-Id", matchesPattern(UUID));
    }

    @Test
    void theAnswerIsStreamedNotBuffered() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest stream = HttpRequest.newBuilder(gateway.toURI().resolve("/v1/sdk/stream"))
                .header("X-Marquee-Key", key).build();
        HttpResponse<InputStream> response = client.send(stream, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            // the upstream holds the rest until released: the first line can only arrive if nothing is buffered
            String first = CompletableFuture.supplyAsync(() -> readLine(body)).get(5, TimeUnit.SECONDS);
            assertEquals("first", first);
            given().header("X-Marquee-Key", key).when().get("/v1/sdk/release").then().statusCode(200);
            assertEquals("second", readLine(body));
            assertNull(readLine(body));
        }
    }

    @Test
    void anAnswerTheUpstreamBreaksOffIsNotPassedOnAsComplete() throws Exception {
        HttpRequest broken = HttpRequest.newBuilder(gateway.toURI().resolve("/v1/sdk/broken"))
                .header("X-Marquee-Key", key).build();
        // the status and the first line went out already: the client must see the connection break, not an end
        assertThrows(IOException.class,
                () -> HttpClient.newHttpClient().send(broken, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void aSlowUpstreamIsAGatewayTimeout() {
        given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .body("title", equalTo("Gateway timeout"))
                .time(lessThan(2_500L));
    }

    @Test
    void anythingElseIsNotFoundButTheHealthProbesStay() {
        given().when().get("/v2/whatever")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().when().get("/v1/apps-and-more")
                .then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    private static String readLine(BufferedReader reader) {
        try {
            return reader.readLine();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
