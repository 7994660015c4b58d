package dev.marquee.segment.segment.rest;

import static dev.marquee.segment.SegmentApi.attributes;
import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static dev.marquee.segment.SegmentApi.track;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.marquee.segment.RedisProbe;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Rules that hold on an empty profile ({@code neq}, {@code not}, {@code at_most 0}): a new user enters them with
 * whatever event made the profile, even one the rules do not name.
 */
@QuarkusTest
class EmptyProfileRulesTest {

    @Inject
    RedisProbe redis;

    @Test
    void aNewUserEntersEveryRuleThatHoldsOnAnEmptyProfile() {
        String appId = newApp();
        String notPro = createSegment(appId, "Not on pro", Map.of("attribute", "plan", "op", "neq", "value", "pro"));
        String noPhone = createSegment(appId, "No phone",
                Map.of("not", Map.of("attribute", "phone", "op", "exists")));
        String notVip = createSegment(appId, "Not VIP",
                Map.of("not", Map.of("attribute", "tier", "op", "eq", "value", "vip")));
        String noRefund = createSegment(appId, "Never refunded",
                Map.of("event", "refund", "count", "at_most", "times", 0, "withinDays", 90));
        String buyers = createSegment(appId, "Buyers", Map.of("event", "purchase", "times", 1, "withinDays", 30));
        for (String id : List.of(notPro, noPhone, notVip, noRefund, buyers)) {
            await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, id)));
        }

        // the first event names none of the rules
        ingest(appId, track("ana", "app_open", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "ana").size() >= 4);
        assertThat(redis.segmentsOf(appId, "ana"), containsInAnyOrder(notPro, noPhone, notVip, noRefund));

        // a new user whose first event breaks every one of them enters none
        ingest(appId, attributes("bo", Map.of("plan", "pro", "phone", "+33", "tier", "vip")));
        ingest(appId, track("cy", "refund", Map.of()));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "cy").size() >= 3);
        assertThat(redis.segmentsOf(appId, "cy"), containsInAnyOrder(notPro, noPhone, notVip));
        assertThat(redis.segmentsOf(appId, "bo"), containsInAnyOrder(noRefund));
    }

    @Test
    void anExistingUserEntersByBackfillAndLeavesWhenTheRuleStopsHolding() {
        String appId = newApp();
        ingest(appId, attributes("dee", Map.of("plan", "free")));
        await().atMost(Duration.ofSeconds(15)).until(() -> given().when()
                .get("/v1/apps/{appId}/users/{userId}", appId, "dee").statusCode() == 200);
        String notPro = createSegment(appId, "Not on pro", Map.of("attribute", "plan", "op", "neq", "value", "pro"));
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, notPro)));
        // the backfill evaluates the existing user
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "dee").contains(notPro));
        ingest(appId, attributes("dee", Map.of("plan", "pro")));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "dee").isEmpty());
        assertThat(redis.segmentsOf(appId, "dee"), empty());
    }
}
