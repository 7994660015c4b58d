package dev.marquee.results.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.results.ResultsFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class ExactCountsTest {

    @Inject
    ObjectMapper json;

    @Test
    void aRedeliveredOutcomeCountsOnce() {
        ResultsFixture campaign = new ResultsFixture(json).campaign(0, "A:50", "B:50");

        campaign.publish(campaign.impression("i1", "u1", "A"), campaign.impression("i1", "u1", "A"),
                campaign.click("k1", "u1", "A", "buy"), campaign.click("k1", "u1", "A", "buy"),
                campaign.conversion("v1", "u1", "A", "19.99"), campaign.conversion("v1", "u1", "A", "19.99"));
        campaign.settle();
        // and again later, as a replay or a consumer that crashed before committing would deliver them
        campaign.publish(campaign.impression("i1", "u1", "A"), campaign.click("k1", "u1", "A", "buy"),
                campaign.conversion("v1", "u1", "A", "19.99"));
        campaign.settle();

        JsonPath a = arm(campaign.report(), "A");
        assertEquals(1, a.getInt("impressions"));
        assertEquals(1, a.getInt("usersExposed"));
        assertEquals(1, a.getInt("clicks"));
        assertEquals(1, a.getInt("clickers"));
        assertEquals(1, a.getInt("conversions"));
        assertEquals(1, a.getInt("convertedUsers"));
        assertEquals("19.99", a.getString("revenue"));
    }

    @Test
    void aUserCountsOncePerArmHoweverManyDevicesAndImpressions() {
        ResultsFixture campaign = new ResultsFixture(json).campaign(0, "A:50", "B:50");

        // u1 on a phone and a laptop (each its own interaction ids), three impressions; u2 once; u3 sees B
        campaign.publish(campaign.impression("phone-1", "u1", "A"), campaign.impression("laptop-1", "u1", "A"),
                campaign.impression("phone-2", "u1", "A"), campaign.impression("i2", "u2", "A"),
                campaign.impression("i3", "u3", "B"),
                campaign.click("phone-k1", "u1", "A", "buy"), campaign.click("laptop-k1", "u1", "A", "buy"),
                campaign.click("k2", "u2", "A", "later"), campaign.click("k3", "u2", "A", "buy"),
                campaign.dismiss("d3", "u3", "B"), campaign.dismiss("d3b", "u3", "B"));
        campaign.settle();

        JsonPath report = campaign.report();
        JsonPath a = arm(report, "A");
        assertEquals(4, a.getInt("impressions"));
        assertEquals(2, a.getInt("usersExposed"));
        assertEquals(4, a.getInt("clicks"));
        assertEquals(2, a.getInt("clickers"));
        assertEquals(1.0, a.getDouble("ctr"));
        assertEquals(3, a.getInt("buttons.find { it.buttonId == 'buy' }.clicks"));
        assertEquals(2, a.getInt("buttons.find { it.buttonId == 'buy' }.clickers"));
        assertEquals(1, a.getInt("buttons.find { it.buttonId == 'later' }.clicks"));
        assertEquals(1, a.getInt("buttons.find { it.buttonId == 'later' }.clickers"));
        JsonPath b = arm(report, "B");
        assertEquals(1, b.getInt("impressions"));
        assertEquals(1, b.getInt("usersExposed"));
        assertEquals(0, b.getInt("clickers"));
        assertEquals(0.0, b.getDouble("ctr"));
        assertEquals(2, b.getInt("dismissals"));
        assertEquals(1, b.getInt("dismissers"));
        assertEquals("A", report.getString("baseline"));
    }

    @Test
    void theControlGroupIsAnArmAndTheBaseline() {
        ResultsFixture campaign = new ResultsFixture(json).campaign(20, "A:40", "B:40");

        campaign.publish(campaign.controlExposure("x1", "c1"), campaign.controlExposure("x1b", "c1"),
                campaign.controlExposure("x2", "c2"), campaign.controlExposure("x3", "c3"),
                // the control group's conversions are attributed to its exposure: no variant
                campaign.conversion("xv1", "c1", null, "10"), campaign.conversion("xv3", "c3", null, null),
                campaign.impression("i1", "u1", "A"), campaign.conversion("v1", "u1", "A", "2.50"),
                campaign.conversion("v1b", "u1", "A", "2.50"), campaign.impression("i2", "u2", "B"));
        campaign.settle();

        JsonPath report = campaign.report();
        JsonPath control = arm(report, "control");
        assertEquals(true, control.getBoolean("control"));
        assertEquals(20, control.getInt("weight"));
        assertEquals(4, control.getInt("exposures"));
        assertEquals(0, control.getInt("impressions"));
        assertEquals(3, control.getInt("usersExposed"));
        assertEquals(2, control.getInt("convertedUsers"));
        assertEquals(2.0 / 3, control.getDouble("conversionRate"), 1e-6);
        assertEquals("10", control.getString("revenue"));
        JsonPath a = arm(report, "A");
        assertEquals(2, a.getInt("conversions"));
        assertEquals(1, a.getInt("convertedUsers"));
        assertEquals("5", a.getString("revenue"));
        assertEquals("control", report.getString("baseline"));
        assertEquals(true, report.getBoolean("experiment.baselineIsControl"));
        assertEquals(3, report.getInt("experiment.arms.find { it.id == 'control' }.exposedUsers"));
        assertEquals(2, report.getList("experiment.comparisons").size());
        assertEquals("NOT_ENOUGH_DATA", report.getString("experiment.comparisons[0].verdict.outcome"));
    }

    static JsonPath arm(JsonPath report, String id) {
        return new JsonPath(report.prettify()).setRootPath("arms.find { it.id == '" + id + "' }");
    }
}
