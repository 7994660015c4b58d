package dev.marquee.results.ingest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.delivery.DeliveryOutcome;
import dev.marquee.contracts.delivery.OutcomeType;
import dev.marquee.results.ResultsFixture;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MalformedOutcomeTest {

    @Inject
    ObjectMapper json;

    @Test
    void malformedOutcomesAreSkippedAndCountedAndIngestGoesOn() {
        ResultsFixture campaign = new ResultsFixture(json).campaign(0, "A:50", "B:50");
        double unreadable = malformed("unreadable");
        double incomplete = malformed("incomplete");
        double unstorable = malformed("unstorable");

        campaign.publish(campaign.impression("i1", "u1", "A"));
        campaign.publishRaw("not json at all");
        campaign.publishRaw("{\"eventId\": \"x\", \"type\": \"TELEPORT\"}");
        // no user
        campaign.publish(new DeliveryOutcome(campaign.appId + "-nouser", OutcomeType.IMPRESSION, campaign.appId, null,
                campaign.campaignId, 1, "A", ResultsFixture.AT, null, Map.of(), null));
        // an answer with a NUL: contracts' strict JSON refuses it on reading
        campaign.publish(new DeliveryOutcome(campaign.appId + "-nul", OutcomeType.SURVEY_ANSWER, campaign.appId, "u1",
                campaign.campaignId, 1, "A", ResultsFixture.AT, null, Map.of("q1", "a\u0000b"), null));
        // a revenue PostgreSQL's numeric cannot hold, between good outcomes: only it is skipped
        campaign.publish(campaign.impression("i3", "u3", "B"),
                campaign.conversion("huge", "u3", "B", "1E+18"), campaign.impression("i2", "u2", "A"));
        campaign.settle();

        assertEquals(2, ExactCountsTest.arm(campaign.report(), "A").getInt("usersExposed"));
        assertEquals(unreadable + 3, malformed("unreadable"));
        assertEquals(incomplete + 1, malformed("incomplete"));
        assertEquals(unstorable + 1, malformed("unstorable"));
        // the NUL answer is not counted, only the sentinel's answer is; the huge conversion is not counted
        assertEquals(1, ExactCountsTest.arm(campaign.report(), "A").getInt("surveyAnswers"));
        assertEquals(1, ExactCountsTest.arm(campaign.report(), "B").getInt("usersExposed"));
        assertEquals(0, ExactCountsTest.arm(campaign.report(), "B").getInt("conversions"));
    }

    private static double malformed(String reason) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher m = Pattern.compile("^marquee_results_malformed_total\\{[^}]*reason=\"" + reason + "\"[^}]*\\} (\\S+)$",
                Pattern.MULTILINE).matcher(metrics);
        assertTrue(m.find(), "no marquee_results_malformed_total for " + reason);
        return Double.parseDouble(m.group(1));
    }
}
