package dev.marquee.results.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.delivery.DeliveryOutcome;
import dev.marquee.results.ResultsFixture;
import dev.marquee.results.ingest.repository.OutcomeTable;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * A batch that fails part-way (here: PostgreSQL refuses its last outcome; a crash or a lost connection ends the
 * transaction the same way) leaves nothing of itself behind, and its offsets are not committed: its redelivery, on top
 * of the batches committed before it, counts every outcome exactly once.
 */
@QuarkusTest
class InterruptedBatchTest {

    @Inject
    ObjectMapper json;

    @Inject
    OutcomeTable outcomes;

    @Test
    void aBatchInterruptedPartWayIsAllOrNothingAndItsRedeliveryCountsOnce() {
        ResultsFixture campaign = new ResultsFixture(json).campaign(0, "A:50", "B:50");
        List<DeliveryOutcome> committed = List.of(campaign.impression("i1", "u1", "A"),
                campaign.click("k1", "u1", "A", "buy"));
        List<DeliveryOutcome> interrupted = List.of(campaign.impression("i1", "u1", "A"),
                campaign.impression("i2", "u2", "A"), campaign.click("k2", "u2", "A", "buy"),
                campaign.conversion("v2", "u2", "A", "1E+200000"));
        outcomes.apply(committed).await().atMost(Duration.ofSeconds(10));

        assertThrows(RuntimeException.class, () -> outcomes.apply(interrupted).await().atMost(Duration.ofSeconds(10)));
        JsonPath a = ExactCountsTest.arm(campaign.report(), "A");
        assertEquals(1, a.getInt("impressions"));
        assertEquals(1, a.getInt("usersExposed"));
        assertEquals(1, a.getInt("clicks"));

        // redelivered from the last committed offset: the interrupted batch again (its poison now fixed)
        List<DeliveryOutcome> redelivered = List.of(interrupted.get(0), interrupted.get(1), interrupted.get(2),
                campaign.conversion("v2", "u2", "A", "7"));
        outcomes.apply(redelivered).await().atMost(Duration.ofSeconds(10));
        outcomes.apply(redelivered).await().atMost(Duration.ofSeconds(10));

        a = ExactCountsTest.arm(campaign.report(), "A");
        assertEquals(2, a.getInt("impressions"));
        assertEquals(2, a.getInt("usersExposed"));
        assertEquals(2, a.getInt("clicks"));
        assertEquals(2, a.getInt("clickers"));
        assertEquals(1, a.getInt("convertedUsers"));
        assertEquals("7", a.getString("revenue"));
    }
}
