package dev.marquee.segment.segment.rest;

import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static dev.marquee.segment.SegmentApi.track;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.Topics;
import dev.marquee.segment.RedisProbe;
import dev.marquee.segment.TestClock;
import dev.marquee.segment.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

/** "Has not opened the app in 7 days" becomes true by time alone: exact when read, and applied when due. */
@QuarkusTest
class TimeBasedMembershipTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RedisProbe redis;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aLapsedBuyerEntersWhenSevenDaysHavePassed() {
        String appId = newApp();
        String segmentId = createSegment(appId, "Lapsed buyers", Map.of("and", List.of(
                Map.of("event", "purchase", "times", 1, "withinDays", 30),
                Map.of("lastSeen", "before", "days", 7))));
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, segmentId)));
        ingest(appId, track("cy", "purchase", Map.of()));
        await().atMost(Duration.ofSeconds(15))
                .until(() -> given().when().get("/v1/apps/{appId}/users/{userId}", appId, "cy").statusCode() == 200);
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", appId, segmentId, "cy")
                .then().body("member", equalTo(false));

        TestClock.advance(Duration.ofDays(6).plusHours(23));
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", appId, segmentId, "cy")
                .then().body("member", equalTo(false));

        TestClock.advance(Duration.ofHours(2));
        // exact at read time, whatever the stored set says yet
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", appId, segmentId, "cy")
                .then().body("member", equalTo(true))
                .body("conditions[1].result", equalTo(true));
        // and the stored set follows at the recorded due time
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.segmentsOf(appId, "cy").contains(segmentId));
        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.SEGMENT_MEMBERSHIP,
                appId + ":cy", 1);
        assertEquals(1, records.size());
        assertTrue(records.get(0).value().contains("\"ENTERED\""));
    }

    @Test
    void aPurchaseLeavesTheWindowAfterItsDays() {
        String appId = newApp();
        String segmentId = createSegment(appId, "Bought this week", Map.of("event", "purchase", "times", 1,
                "withinDays", 7));
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, segmentId)));
        ingest(appId, track("dee", "purchase", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "dee").contains(segmentId));

        TestClock.advance(Duration.ofDays(8));
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", appId, segmentId, "dee")
                .then().body("member", equalTo(false)).body("conditions[0].value", equalTo(0));
        await().atMost(Duration.ofSeconds(10)).until(() -> redis.segmentsOf(appId, "dee").isEmpty());
    }
}
