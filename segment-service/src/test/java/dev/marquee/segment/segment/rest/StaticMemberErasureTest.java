package dev.marquee.segment.segment.rest;

import static dev.marquee.segment.SegmentApi.createStaticSegment;
import static dev.marquee.segment.SegmentApi.newApp;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.marquee.segment.RedisProbe;
import io.quarkus.test.junit.QuarkusTest;

/** An erased user is deleted from the stored uploads too: rebuilding a static segment does not bring them back. */
@QuarkusTest
class StaticMemberErasureTest {

    @Inject
    RedisProbe redis;

    @Test
    void anErasedUserIsNotPutBackByARebuildOfTheStaticSegmentsOfTheApp() {
        String appId = newApp();
        String pilots = createStaticSegment(appId, "Pilots");
        String testers = createStaticSegment(appId, "Testers");
        upload(appId, pilots, "kim\nlee\n");
        upload(appId, testers, "kim\n");
        // another app's segment with the same user id is another user
        String otherApp = newApp();
        String others = createStaticSegment(otherApp, "Pilots");
        upload(otherApp, others, "kim\n");

        given().when().delete("/v1/apps/{appId}/users/{userId}", appId, "kim").then().statusCode(204);
        assertEquals(Set.of(), redis.segmentsOf(appId, "kim"));

        // Redis loses the segments: they are rebuilt from the uploads stored in PostgreSQL
        redis.forgetMembership(appId, pilots, "lee");
        redis.forgetMembership(appId, testers, "lee");
        redis.forgetMembership(otherApp, others, "kim");
        await().atMost(Duration.ofSeconds(20)).until(() -> "1".equals(redis.readyVersion(appId, pilots))
                && "1".equals(redis.readyVersion(appId, testers)) && "1".equals(redis.readyVersion(otherApp, others)));

        assertEquals(Set.of(), redis.segmentsOf(appId, "kim"), "the erased user stays out");
        assertEquals(Set.of(pilots), redis.segmentsOf(appId, "lee"));
        assertEquals(Set.of(others), redis.segmentsOf(otherApp, "kim"));
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, pilots).then().body("size", equalTo(1));
        given().when().get("/v1/apps/{appId}/segments/{id}", appId, testers).then().body("size", equalTo(0));
        given().when().get("/v1/apps/{appId}/segments/{id}/members/{userId}", appId, pilots, "kim")
                .then().body("member", equalTo(false)).body("stored", equalTo(false));
    }

    private static void upload(String appId, String segmentId, String csv) {
        given().contentType("text/csv").body(csv)
                .when().post("/v1/apps/{appId}/segments/{id}/members", appId, segmentId)
                .then().statusCode(200);
    }
}
