package dev.marquee.gateway.routing.rest;

import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Clients that hang up before the upstream answered (closed tabs, phones losing their network) say nothing about the
 * upstream: they must not open its circuit breaker and cut the SDK API off for everyone else.
 */
@QuarkusTest
class ClientHangUpTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "marquee.gateway.circuit-breaker.failure-threshold")
    int threshold;

    @TestHTTPResource("/v1/sdk/slow")
    URI slow;

    @TestHTTPResource("/")
    URI root;

    @Test
    void clientsHangingUpDoNotOpenTheBreaker() throws Exception {
        String key = workingSdkKey();

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest hangingUp = HttpRequest.newBuilder(slow).header("X-Marquee-Key", key)
                .timeout(Duration.ofMillis(200)).build();
        for (int i = 0; i < threshold * 2; i++) {
            assertThrows(HttpTimeoutException.class,
                    () -> http.send(hangingUp, HttpResponse.BodyHandlers.discarding()));
        }

        given().header("X-Marquee-Key", key).when().get("/v1/sdk/messages").then().statusCode(200);
    }

    @Test
    void clientsHangingUpBeforeTheirCallIsForwardedDoNotOpenTheBreaker() throws Exception {
        String key = workingSdkKey();

        // the whole request, then the connection closed at once: gone while the gateway checks key and rate limit
        String body = "{\"userId\":\"ana\",\"events\":[]}";
        byte[] request = ("POST /v1/sdk/events HTTP/1.1\r\nHost: localhost\r\nX-Marquee-Key: " + key
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                .getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < threshold * 2; i++) {
            try (Socket socket = new Socket(root.getHost(), root.getPort())) {
                socket.getOutputStream().write(request);
                socket.getOutputStream().flush();
            }
        }

        // longer than the SDK timeout here (1 s): a call left hanging would have timed out and counted by now
        await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> given()
                .header("X-Marquee-Key", key).when().get("/v1/sdk/messages").then().statusCode(200));
    }

    @Test
    void clientsHangingUpWhileTheirAnswerIsRelayedLeaveNoErrorInTheLog() throws Exception {
        String key = workingSdkKey();
        List<String> errors = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.SEVERE.intValue()) {
                    errors.add(record.getLoggerName() + ": " + record.getMessage());
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logs = Logger.getLogger("");
        logs.addHandler(capture);
        try {
            byte[] request = ("GET /v1/sdk/firehose HTTP/1.1\r\nHost: localhost\r\nX-Marquee-Key: " + key + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 20; i++) {
                try (Socket socket = new Socket(root.getHost(), root.getPort())) {
                    socket.getOutputStream().write(request);
                    // part of the answer read, then the connection reset (as a phone losing its network mid-answer)
                    socket.getInputStream().readNBytes(64 * 1024);
                    socket.setSoLinger(true, 0);
                }
            }
            given().header("X-Marquee-Key", key).when().get("/v1/sdk/messages").then().statusCode(200);
            // the hang-ups are handled as the upstream's next chunks arrive: nothing logged for a while after them
            await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertEquals(List.of(), errors));
        } finally {
            logs.removeHandler(capture);
        }
    }

    /** A new app's SDK key, once the gateway knows it and the SDK API answers with it. */
    private String workingSdkKey() throws Exception {
        String key = "mq_pk_" + newId();
        publish(bootstrap, app(newId(), sdkKey(newId(), key)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .when().get("/v1/sdk/messages").then().statusCode(200));
        return key;
    }
}
