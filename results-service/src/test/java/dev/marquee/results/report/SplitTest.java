package dev.marquee.results.report;

import static dev.marquee.results.ResultsFixture.from;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.results.ResultsFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class SplitTest {

    private static final Instant DAY1 = Instant.parse("2026-05-01T08:30:00Z");
    private static final Instant DAY2 = Instant.parse("2026-05-02T21:00:00Z");

    @Inject
    ObjectMapper json;

    @Test
    void theCohortSplitsByEachUsersFirstExposureAndCountersByEachOutcome() {
        ResultsFixture c = new ResultsFixture(json).campaign(0, "A:50", "B:50");
        // u1: first seen on Android on day 1, again on the web on day 2; u2 on the web on day 2; u3 unknown platform
        c.publish(from(c.impression("i1", "u1", "A"), DAY1, "android", "fr-CA", "4.2"),
                from(c.impression("i1b", "u1", "A"), DAY2, "web", "en-GB", "1.0"),
                from(c.click("k1", "u1", "A", "buy"), DAY2, "web", "en-GB", "1.0"),
                from(c.impression("i2", "u2", "A"), DAY2, "web", "en-GB", "1.0"),
                from(c.impression("i3", "u3", "B"), DAY2, null, null, null));
        c.settle();

        JsonPath byPlatform = split(c, "platform");
        assertEquals(List.of("android", "web"), byPlatform.getList("parts.key").subList(0, 2));
        assertNull(byPlatform.getList("parts.key").get(2));
        JsonPath android = arm(byPlatform, 0, "A");
        assertEquals(1, android.getInt("impressions"));
        assertEquals(1, android.getInt("usersExposed"));
        // u1 clicked on the web, but belongs to the Android part of the cohort (where first exposed)
        assertEquals(1, android.getInt("clickers"));
        JsonPath web = arm(byPlatform, 1, "A");
        assertEquals(2, web.getInt("impressions"));
        assertEquals(1, web.getInt("clicks"));
        assertEquals(1, web.getInt("usersExposed"));
        assertEquals(0, web.getInt("clickers"));
        assertEquals(1, arm(byPlatform, 2, "B").getInt("usersExposed"));
        // the whole range is still there, and counts each user once
        assertEquals(2, new JsonPath(byPlatform.prettify()).getInt("arms.find { it.id == 'A' }.usersExposed"));

        JsonPath byDay = split(c, "day");
        assertEquals(List.of("2026-05-01", "2026-05-02"), byDay.getList("parts.key"));
        assertEquals(1, arm(byDay, 0, "A").getInt("usersExposed"));
        assertEquals(1, arm(byDay, 1, "A").getInt("usersExposed"));
        assertEquals(2, arm(byDay, 1, "A").getInt("impressions"));

        JsonPath byHour = split(c, "hour");
        // 10:00 holds the survey answer the fixture settles with
        assertEquals(List.of("2026-05-01T08:00:00Z", "2026-05-01T10:00:00Z", "2026-05-02T21:00:00Z"),
                byHour.getList("parts.key"));
        assertEquals(1, arm(byHour, 2, "B").getInt("impressions"));

        JsonPath byLocale = split(c, "locale");
        assertEquals("en-GB", byLocale.getString("parts[0].key"));
        assertEquals("fr-CA", byLocale.getString("parts[1].key"));
        JsonPath byAppVersion = split(c, "appVersion");
        assertEquals("1.0", byAppVersion.getString("parts[0].key"));
        JsonPath byVersion = split(c, "version");
        assertEquals(List.of("1"), byVersion.getList("parts.key"));
        assertEquals(2, arm(byVersion, 0, "A").getInt("usersExposed"));
    }

    private static JsonPath split(ResultsFixture c, String split) {
        JsonPath report = given().queryParam("from", "2026-05-01").queryParam("to", "2026-05-02")
                .queryParam("split", split)
                .when().get("/v1/apps/{appId}/campaigns/{campaignId}/results", c.appId, c.campaignId)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(split, report.getString("split"));
        return report;
    }

    private static JsonPath arm(JsonPath report, int part, String id) {
        return new JsonPath(report.prettify()).setRootPath("parts[" + part + "].arms.find { it.id == '" + id + "' }");
    }
}
