package dev.marquee.gateway.edge;

import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.app.SdkScope;
import dev.marquee.gateway.test.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;

/** CORS from the keys' allowed origins, security headers on every API answer, and an access log without secrets. */
@QuarkusTest
class EdgeTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    private String origin;
    private String key;

    @BeforeEach
    void aKeyBoundToAnOrigin() {
        origin = "https://shop-" + newId().substring(0, 8) + ".example";
        key = "mq_pk_" + newId();
        publish(bootstrap, app(newId(),
                sdkKey(newId(), key, List.of(SdkScope.READ, SdkScope.TRACK), List.of(origin), List.of(), null)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", key)
                .header("Origin", origin).when().get("/v1/sdk/messages").then().statusCode(200));
    }

    @Test
    void aPreflightFromAnAllowedOriginIsAnsweredWithoutAStar() {
        String requestId = "preflight-" + newId();
        given().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-marquee-key, content-type")
                .header("X-Request-Id", requestId)
                .when().options("/v1/sdk/events")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo(origin))
                .header("Access-Control-Allow-Headers", containsString("X-Marquee-Key"))
                .header("Access-Control-Allow-Headers", containsString("If-None-Match"))
                .header("Access-Control-Allow-Headers", containsString("Last-Event-ID"))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Vary", containsString("Origin"));
        assertFalse(FakeUpstreams.RECEIVED_REQUEST_IDS.contains(requestId), "the gateway answers preflights itself");
    }

    @Test
    void aPreflightFromAnyOtherOriginGetsNoAllowance() {
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "GET")
                .when().options("/v1/sdk/messages")
                .then().statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Allow-Headers", nullValue());
        given().header("Origin", origin).header("Access-Control-Request-Method", "GET")
                .when().options("/v1/apps/x/campaigns")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void anAllowedOriginCanReadTheAnswerAndItsLimits() {
        given().header("X-Marquee-Key", key).header("Origin", origin)
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(origin))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Allow-Origin", not(equalTo("*")));
    }

    @Test
    void anOriginAnotherAppsKeyListsCannotReadThisAppsAnswers() {
        String unbound = "mq_pk_" + newId();
        String boundElsewhere = "mq_pk_" + newId();
        publish(bootstrap, app(newId(), sdkKey(newId(), unbound),
                sdkKey(newId(), boundElsewhere, List.of(SdkScope.READ), List.of("https://other.example"), List.of(),
                        null)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().header("X-Marquee-Key", unbound)
                .when().get("/v1/sdk/messages").then().statusCode(200));
        // `origin` is listed by the key of the app set up in @BeforeEach only
        given().header("X-Marquee-Key", unbound).header("Origin", origin)
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue())
                .header("Access-Control-Expose-Headers", nullValue());
        given().header("X-Marquee-Key", boundElsewhere).header("Origin", origin)
                .when().get("/v1/sdk/messages")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", origin)
                .when().get("/v1/sdk/messages")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void everyApiAnswerCarriesTheSecurityHeaders() {
        given().header("X-Marquee-Key", key).header("Origin", origin)
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .header("X-Upstream", equalTo("delivery"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Strict-Transport-Security", containsString("max-age="));
        given().when().get("/v1/sdk/messages")
                .then().statusCode(401)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Request-Id", not(nullValue()));
    }

    @Test
    void theAccessLogMasksSecrets() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(AccessLog.CATEGORY);
        logger.addHandler(capture);
        try {
            String requestId = "logged-" + newId();
            given().header("X-Marquee-Key", key).header("Origin", origin).header("X-Request-Id", requestId)
                    .queryParam("user", "u1").queryParam("api_key", "leaked-secret").queryParam("signature", "sig")
                    .when().get("/v1/sdk/messages")
                    .then().statusCode(200);
            await().atMost(Duration.ofSeconds(5)).until(() -> lines.stream().anyMatch(l -> l.contains(requestId)));
            String line = lines.stream().filter(l -> l.contains(requestId)).findFirst().orElseThrow();
            assertTrue(line.contains("user=u1"), line);
            assertTrue(line.contains("api_key=***") && line.contains("signature=***"), line);
            assertTrue(line.contains("by=sdk-key:"), line);
            assertFalse(line.contains("leaked-secret") || line.contains(key), line);
        } finally {
            logger.removeHandler(capture);
        }
    }
}
