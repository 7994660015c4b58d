package dev.marquee.delivery.decision;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.delivery.Catalogue;
import io.quarkus.test.junit.QuarkusTest;

/** The checks made in memory: schedule, delivery window in the user's time zone, platform, version, locale, rollout. */
@QuarkusTest
class TargetingTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    /** Issue 19 item 2: a pre-release is below its release, as in segment-service's rules (contracts' AppVersion). */
    @Test
    void aPreReleaseIsBelowTheMinimumRelease() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(targeted(app, "v2", new Targeting(Set.of(), Set.of(), Set.of(), new Targeting.VersionRange("2.0.0",
                null), List.of(), 100)));
        assertThat(explain(app, "ana", Map.of("appVersion", "2.0.0-beta.3")).get("v2"), equalTo("app_version"));
        assertThat(explain(app, "ana", Map.of("appVersion", "2.0.0")).get("v2"), equalTo("eligible"));
        assertThat(explain(app, "ana", Map.of("appVersion", "nightly")).get("v2"), equalTo("app_version"));
    }

    @Test
    void eachTargetingRuleIsTheFirstReasonWhenItFails() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        int tokyoHour = ZonedDateTime.now(ZoneId.of("Asia/Tokyo")).getHour();
        Set<DayOfWeek> everyDay = Set.of(DayOfWeek.values());
        app.publish(
                Catalogue.withSchedule(campaign(app.appId, "later", SESSION_START, Frequency.DEFAULT),
                        new Schedule(Instant.now().plus(1, ChronoUnit.DAYS), null, null,
                                Schedule.DeliveryMode.ALWAYS_ON)),
                Catalogue.withSchedule(campaign(app.appId, "tokyo-now", SESSION_START, Frequency.DEFAULT),
                        new Schedule(null, null, new Schedule.DeliveryWindow(everyDay, tokyoHour, tokyoHour + 1),
                                Schedule.DeliveryMode.ALWAYS_ON)),
                targeted(app, "ios-only", new Targeting(Set.of(), Set.of(), Set.of(Targeting.Platform.IOS), null,
                        List.of(), 100)),
                targeted(app, "v2", new Targeting(Set.of(), Set.of(), Set.of(), new Targeting.VersionRange("2.0.0",
                        null), List.of(), 100)),
                targeted(app, "french", new Targeting(Set.of(), Set.of(), Set.of(), null, List.of("fr"), 100)));

        Map<String, String> elsewhere = explain(app, "ana", Map.of("platform", "android", "appVersion", "1.9.3", "locale",
                "en-US", "timeZone", "America/Los_Angeles"));
        assertThat(elsewhere.get("later"), equalTo("schedule"));
        assertThat(elsewhere.get("ios-only"), equalTo("platform"));
        assertThat(elsewhere.get("v2"), equalTo("app_version"));
        assertThat(elsewhere.get("french"), equalTo("locale"));

        Map<String, String> tokyo = explain(app, "ana", Map.of("platform", "ios", "appVersion", "2.10.0", "locale",
                "fr-CA", "timeZone", "Asia/Tokyo"));
        assertThat(tokyo.get("ios-only"), equalTo("eligible"));
        assertThat(tokyo.get("v2"), equalTo("eligible"));
        assertThat(tokyo.get("french"), equalTo("eligible"));
        if (tokyoHour < 23) {
            // the window is this hour in Tokyo; Los Angeles is 16 or 17 hours behind, outside it
            assertThat(tokyo.get("tokyo-now"), equalTo("eligible"));
            assertThat(explain(app, "ana", Map.of("timeZone", "America/Los_Angeles")).get("tokyo-now"),
                    equalTo("window"));
        }
    }

    @Test
    void aRolloutShowsToItsShareOfUsersAndAlwaysTheSameOnes() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(targeted(app, "half", new Targeting(Set.of(), Set.of(), Set.of(), null, List.of(), 50)));

        Map<String, String> first = new HashMap<>();
        int in = 0;
        for (int u = 0; u < 200; u++) {
            String reason = explain(app, "user-" + u, Map.of()).get("half");
            first.put("user-" + u, reason);
            in += reason.equals("eligible") ? 1 : 0;
        }
        assertThat(in, allOf(greaterThan(70), lessThan(130)));
        for (int u = 0; u < 20; u++) {
            assertThat(explain(app, "user-" + u, Map.of()).get("half"), equalTo(first.get("user-" + u)));
        }
    }

    private static CampaignSnapshot targeted(Catalogue app, String id, Targeting targeting) {
        return Catalogue.withTargeting(campaign(app.appId, id, SESSION_START, Frequency.DEFAULT), targeting);
    }

    /** Each campaign's verdict for any trigger, by id. */
    private static Map<String, String> explain(Catalogue app, String userId, Map<String, String> context) {
        List<Map<String, Object>> verdicts = given().queryParams(context)
                .get("/v1/apps/" + app.appId + "/users/" + userId + "/explain")
                .then().statusCode(200).extract().jsonPath().getList("campaigns");
        Map<String, String> reasons = new HashMap<>();
        verdicts.forEach(v -> reasons.put((String) v.get("campaignId"), (String) v.get("reason")));
        return reasons;
    }
}
