package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.infra.test.KafkaResource;
import dev.marquee.infra.test.PostgresResource;
import dev.marquee.infra.test.RedisResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RedisResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
class CampaignScheduleAndCapsTest {

    @Test
    void withoutScheduleOrCapsACampaignIsAlwaysOnUncappedAtMiddlePriority() {
        String appId = createApp("Defaults");
        String id = createCampaign(appId, welcomeCampaign());

        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().statusCode(200)
                .body("schedule.mode", equalTo("ALWAYS_ON"))
                .body("schedule.startAt", nullValue())
                .body("frequency.priority", equalTo(50))
                .body("frequency.critical", equalTo(false))
                .body("frequency.lifetimeCap", nullValue());
    }

    @Test
    void scheduleAndCapsAreStoredAsGiven() {
        String appId = createApp("Timed");
        String id = createCampaign(appId, with(
                Map.of("startAt", "2026-12-01T08:00:00Z", "endAt", "2026-12-24T20:00:00Z", "mode", "ONE_TIME",
                        "window", Map.of("days", List.of("MONDAY", "FRIDAY"), "fromHour", 9, "toHour", 18)),
                Map.of("lifetimeCap", 3, "perSessionCap", 1, "rolling", Map.of("count", 2, "windowHours", 24),
                        "reEligibleAfterDays", 7, "priority", 90, "critical", true)));

        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().statusCode(200)
                .body("schedule.startAt", equalTo("2026-12-01T08:00:00Z"))
                .body("schedule.endAt", equalTo("2026-12-24T20:00:00Z"))
                .body("schedule.mode", equalTo("ONE_TIME"))
                .body("schedule.window.days", containsInAnyOrder("MONDAY", "FRIDAY"))
                .body("schedule.window.toHour", equalTo(18))
                .body("frequency.rolling.windowHours", equalTo(24))
                .body("frequency.reEligibleAfterDays", equalTo(7))
                .body("frequency.priority", equalTo(90))
                .body("frequency.critical", equalTo(true));
    }

    @Test
    void eachBadValueIsNamed() {
        String appId = createApp("Bad timing");
        rejected(appId, with(Map.of("startAt", "2026-12-02T00:00:00Z", "endAt", "2026-12-01T00:00:00Z"), null),
                "schedule.endAt");
        rejected(appId, with(Map.of("window", Map.of("days", List.of("MONDAY"), "fromHour", 18, "toHour", 9)), null),
                "schedule.window.toHour");
        rejected(appId, with(Map.of("window", Map.of("days", List.of(), "fromHour", 9, "toHour", 18)), null),
                "schedule.window.days");
        rejected(appId, with(Map.of("mode", "SOMETIMES"), null), "schedule.mode");
        rejected(appId, with(null, Map.of("priority", 0)), "frequency.priority");
        rejected(appId, with(null, Map.of("reEligibleAfterDays", 721)), "frequency.reEligibleAfterDays");
        rejected(appId, with(null, Map.of("rolling", Map.of("windowHours", 24))), "frequency.rolling.count");
        rejected(appId, with(null, Map.of("lifetimeCap", 0)), "frequency.lifetimeCap");
    }

    private static void rejected(String appId, Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private static Map<String, Object> with(Map<String, Object> schedule, Map<String, Object> frequency) {
        Map<String, Object> body = new HashMap<>(welcomeCampaign());
        if (schedule != null) {
            body.put("schedule", schedule);
        }
        if (frequency != null) {
            body.put("frequency", frequency);
        }
        return body;
    }
}
