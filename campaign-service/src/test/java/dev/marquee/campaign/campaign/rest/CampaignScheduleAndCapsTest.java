package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static dev.marquee.campaign.CampaignBody.welcome;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
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
        String id = createCampaign(appId, welcome()
                .schedule(Map.of("startAt", "2026-12-01T08:00:00Z", "endAt", "2026-12-24T20:00:00Z", "mode", "ONE_TIME",
                        "window", Map.of("days", List.of("MONDAY", "FRIDAY"), "fromHour", 9, "toHour", 18)))
                .frequency(Map.of("lifetimeCap", 3, "perSessionCap", 1, "rolling", Map.of("count", 2, "windowHours", 24),
                        "reEligibleAfterDays", 7, "priority", 90, "critical", true))
                .build());

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
        rejected(appId, welcome().schedule(Map.of("startAt", "2026-12-02T00:00:00Z", "endAt", "2026-12-01T00:00:00Z"))
                .build(), "schedule.endAt");
        rejected(appId, welcome().schedule(Map.of("window", Map.of("days", List.of("MONDAY"), "fromHour", 18, "toHour", 9)))
                .build(), "schedule.window.toHour");
        rejected(appId, welcome().schedule(Map.of("window", Map.of("days", List.of(), "fromHour", 9, "toHour", 18)))
                .build(), "schedule.window.days");
        rejected(appId, welcome().schedule(Map.of("mode", "SOMETIMES")).build(), "schedule.mode");
        rejected(appId, welcome().frequency(Map.of("priority", 0)).build(), "frequency.priority");
        rejected(appId, welcome().frequency(Map.of("reEligibleAfterDays", 721)).build(), "frequency.reEligibleAfterDays");
        rejected(appId, welcome().frequency(Map.of("rolling", Map.of("windowHours", 24))).build(),
                "frequency.rolling.count");
        rejected(appId, welcome().frequency(Map.of("lifetimeCap", 0)).build(), "frequency.lifetimeCap");
    }

    private static void rejected(String appId, Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }
}
