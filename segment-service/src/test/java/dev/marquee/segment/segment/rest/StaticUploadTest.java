package dev.marquee.segment.segment.rest;

import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.createStaticSegment;
import static dev.marquee.segment.SegmentApi.newApp;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.Topics;
import dev.marquee.segment.RedisProbe;
import dev.marquee.segment.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class StaticUploadTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RedisProbe redis;

    @Test
    void aCsvUploadAddsEachIdOnceAndReportsBadLines() {
        String appId = newApp();
        String segmentId = createStaticSegment(appId, "Beta testers");
        assertEquals("1", redis.readyVersion(appId, segmentId), "an empty static segment is complete, not unknown");
        given().contentType("text/csv").body("userId,name\nana,Ana\n\"bo\",Bo\n,nobody\nana,again\ncy\n")
                .when().post("/v1/apps/{appId}/segments/{id}/members", appId, segmentId)
                .then().statusCode(200)
                .body("received", equalTo(4))
                .body("added", equalTo(3))
                .body("rejected", equalTo(1))
                .body("errors[0].field", equalTo("line 4"));
        assertTrue(redis.segmentsOf(appId, "bo").contains(segmentId));
        given().when().get("/v1/apps/{appId}/segments/{id}/size", appId, segmentId).then().body("size", equalTo(3));
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", appId, segmentId, "cy")
                .then().body("member", equalTo(true)).body("stored", equalTo(true));
        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.SEGMENT_MEMBERSHIP,
                appId + ":ana", 1);
        assertEquals(1, records.size(), "entered once though listed twice");
    }

    @Test
    void aStaticSegmentIsRebuiltFromItsStoredUploadsAfterARedisLoss() {
        String appId = newApp();
        String segmentId = createStaticSegment(appId, "Pilot customers");
        // more ids than one pipelined Redis batch may hold (2048 awaiting answers per connection)
        StringBuilder csv = new StringBuilder("gil\nhal\\x\n");
        for (int i = 0; i < 5100; i++) {
            csv.append("bulk-").append(i).append('\n');
        }
        given().contentType("text/csv").body(csv.toString())
                .when().post("/v1/apps/{appId}/segments/{id}/members", appId, segmentId)
                .then().statusCode(200).body("added", equalTo(5102));
        given().contentType("application/x-ndjson")
                .body("{\"userId\":\"gil\"}\n{\"userId\":\"ivy\"}\n".getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/apps/{appId}/segments/{id}/members", appId, segmentId)
                .then().statusCode(200).body("added", equalTo(1));

        redis.forgetMembership(appId, segmentId, "gil");
        redis.forgetMembership(appId, segmentId, "hal\\x");
        redis.forgetMembership(appId, segmentId, "bulk-5099");

        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, segmentId)));
        assertEquals(Set.of(segmentId), redis.segmentsOf(appId, "gil"));
        assertEquals(Set.of(segmentId), redis.segmentsOf(appId, "hal\\x"), "a backslash survives COPY");
        assertEquals(Set.of(segmentId), redis.segmentsOf(appId, "ivy"));
        assertEquals(Set.of(segmentId), redis.segmentsOf(appId, "bulk-5099"));
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, segmentId).then()
                .body("status", equalTo("READY")).body("size", equalTo(5103));
    }

    @Test
    void anNdjsonUploadIsReadLineByLine() {
        String appId = newApp();
        String segmentId = createStaticSegment(appId, "VIP");
        given().contentType("application/x-ndjson")
                .body("{\"userId\":\"dee\"}\n{\"id\":\"x\"}\nnot json\n{\"userId\":\"eve\"}\n"
                        .getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/apps/{appId}/segments/{id}/members", appId, segmentId)
                .then().statusCode(200)
                .body("added", equalTo(2))
                .body("rejected", equalTo(2))
                .body("errors.field", equalTo(List.of("line 2", "line 3")));
        assertTrue(redis.segmentsOf(appId, "eve").contains(segmentId));
    }

    @Test
    void onlyStaticSegmentsOfTheAppTakeUploads() {
        String appId = newApp();
        String rules = createSegment(appId, "Gold", Map.of("attribute", "tier", "op", "eq", "value", "gold"));
        given().contentType("text/csv").body("ana\n")
                .when().post("/v1/apps/{appId}/segments/{id}/members", appId, rules)
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        String segmentId = createStaticSegment(appId, "VIP");
        given().contentType("text/csv").body("ana\n")
                .when().post("/v1/apps/{appId}/segments/{id}/members", newApp(), segmentId)
                .then().statusCode(404);
    }
}
