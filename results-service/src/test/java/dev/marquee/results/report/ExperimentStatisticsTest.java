package dev.marquee.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.results.ResultsFixture;
import dev.marquee.results.experiment.AnalysisSettings;
import dev.marquee.results.experiment.Arm;
import dev.marquee.results.experiment.Experiment;
import dev.marquee.results.experiment.ExperimentAnalysis;
import dev.marquee.results.experiment.VariantComparison;
import dev.marquee.results.ingest.service.OutcomeIngest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;

/** The report's statistics are {@link ExperimentAnalysis} of its per-user counts, control group as the baseline. */
@QuarkusTest
class ExperimentStatisticsTest {

    @Inject
    ObjectMapper json;

    @Inject
    OutcomeIngest ingest;

    @Test
    void theStatisticsAreThoseOfTheUniqueCountsAgainstTheControlGroup() {
        ResultsFixture campaign = new ResultsFixture(json).campaign(50, "A:50");
        List<OutcomeIngest.Located> outcomes = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String user = "c" + i;
            outcomes.add(located(campaign.controlExposure("x" + i, user)));
            // a second device of every control user: still one user
            outcomes.add(located(campaign.controlExposure("x" + i + "-2", user)));
            if (i < 30) {
                outcomes.add(located(campaign.conversion("xv" + i, user, null, "10")));
            }
        }
        for (int i = 0; i < 290; i++) {
            String user = "a" + i;
            outcomes.add(located(campaign.impression("i" + i, user, "A")));
            if (i < 58) {
                outcomes.add(located(campaign.conversion("v" + i, user, "A", "12")));
            }
        }
        ingest.apply(outcomes).await().atMost(Duration.ofSeconds(60));

        JsonPath report = new JsonPath(campaign.report(ResultsFixture.AT.minus(Duration.ofHours(1)),
                ResultsFixture.AT.plus(Duration.ofHours(1))).then().statusCode(200).extract().asString())
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
        VariantComparison expected = new ExperimentAnalysis(AnalysisSettings.DEFAULT).analyse(Experiment.withControl(
                "control", List.of(new Arm("A", 50, 290, 58, 58 * 12, 58 * 144),
                        new Arm("control", 50, 300, 30, 300, 3000))))
                .comparisons().get(0);
        assertEquals("control", report.getString("baseline"));
        assertEquals(300, report.getInt("experiment.arms.find { it.id == 'control' }.exposedUsers"));
        assertEquals(58, report.getInt("experiment.arms.find { it.id == 'A' }.convertedUsers"));
        assertEquals(0.1, report.getDouble("experiment.comparisons[0].conversion.baselineRate"), 1e-12);
        assertEquals(0.2, report.getDouble("experiment.comparisons[0].conversion.variantRate"), 1e-12);
        assertEquals(expected.conversion().orElseThrow().pValue(),
                report.getDouble("experiment.comparisons[0].conversion.pValue"), 1e-15);
        assertEquals(expected.revenue().orElseThrow().pValue(),
                report.getDouble("experiment.comparisons[0].revenue.pValue"), 1e-15);
        assertEquals(expected.chanceToBeatBaseline(),
                report.getDouble("experiment.comparisons[0].chanceToBeatBaseline"), 1e-15);
        assertEquals(expected.verdict().text(), report.getString("experiment.comparisons[0].verdict.text"));
        // p ≈ 0.0007 fixed-horizon, yet inconclusive at 590 users under the anytime-valid interval
        assertEquals("INCONCLUSIVE", report.getString("experiment.comparisons[0].verdict.outcome"));
    }

    private static OutcomeIngest.Located located(dev.marquee.contracts.delivery.DeliveryOutcome outcome) {
        return new OutcomeIngest.Located(outcome, "test");
    }
}
