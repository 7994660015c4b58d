package dev.marquee.segment.event.rest;

import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static dev.marquee.segment.SegmentApi.track;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.segment.RedisOutage;
import dev.marquee.segment.RedisProbe;
import io.quarkus.test.junit.QuarkusTest;

/** Degradation policy: with Redis down, ingestion still accepts (Kafka keeps the events), reads answer 503. */
@QuarkusTest
class RedisOutageTest {

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisUrl;

    @Inject
    RedisProbe redis;

    @Test
    void eventsAcceptedWhileRedisIsDownAreAppliedWhenItIsBack() {
        String appId = newApp();
        String segmentId = createSegment(appId, "Buyers", Map.of("event", "purchase", "times", 1, "withinDays", 30));
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, segmentId)));

        double deadLettersBefore = deadLetters();
        RedisOutage.stop(redisUrl);
        try {
            ingest(appId, track("ida", "purchase", Map.of()));
            given().when().get("/v1/apps/{appId}/users/{userId}", appId, "ida")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", appId, segmentId, "ida")
                    .then().statusCode(503);
            // longer than an event failing for its own reason takes to be dead-lettered (5 attempts, ~1.5 s)
            await().pollDelay(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(5)).until(() -> true);
        } finally {
            RedisOutage.restart(redisUrl);
        }

        // the restarted Redis is empty: the consumer applies the event it kept retrying, the build marker is rebuilt
        await().atMost(Duration.ofSeconds(60)).until(() -> redis.segmentsOf(appId, "ida").contains(segmentId)
                && "1".equals(redis.readyVersion(appId, segmentId)));
        given().when().get("/v1/apps/{appId}/segments/{id}/size", appId, segmentId).then().body("size", equalTo(1));
        // an outage is waited out, never taken for a poison event
        assertEquals(deadLettersBefore, deadLetters());
    }

    /** The dead letters counted so far (all reasons), as Prometheus shows them. */
    private static double deadLetters() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("marquee_dead_letters_total{"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
