package dev.marquee.gateway.routing.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.gateway.keys.SecretHash;
import dev.marquee.gateway.test.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Both upstreams on a port nobody listens on: the gateway answers 503 at once, neither hangs nor fails with 500. */
@QuarkusTest
@TestProfile(UnreachableUpstreamTest.NothingListens.class)
class UnreachableUpstreamTest {

    @Test
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

    public static class NothingListens implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            String closed = "http://127.0.0.1:" + closedPort();
            return Map.of(
                    "marquee.gateway.campaign-url", closed,
                    "marquee.gateway.delivery-url", closed,
                    "marquee.gateway.operator-token-sha256",
                    SecretHash.sha256Hex(FakeUpstreams.OPERATOR_TOKEN));
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
