package dev.marquee.contracts.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class DeliveryOutcomeTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());

    @Test
    void anOutcomeWrittenBeforeTheContextFieldsStillReadsWithThemUnknown() throws Exception {
        String old = """
                {"eventId": "e1", "type": "CONVERSION", "appId": "app", "userId": "u1", "campaignId": "c1",
                 "version": 3, "variantId": "B", "occurredAt": "2026-05-01T10:00:00Z", "buttonId": null,
                 "answers": {}, "goalEvent": "purchase"}
                """;

        DeliveryOutcome outcome = JSON.readValue(old, DeliveryOutcome.class);

        assertEquals(new DeliveryOutcome("e1", OutcomeType.CONVERSION, "app", "u1", "c1", 3, "B",
                Instant.parse("2026-05-01T10:00:00Z"), null, Map.of(), "purchase"), outcome);
        assertNull(outcome.platform());
        assertNull(outcome.locale());
        assertNull(outcome.appVersion());
        assertNull(outcome.revenue());
    }

    @Test
    void theContextFieldsRoundTripAndRevenueStaysExact() throws Exception {
        DeliveryOutcome outcome = new DeliveryOutcome("e2", OutcomeType.CONVERSION, "app", "u1", "c1", 3, "B",
                Instant.parse("2026-05-01T10:00:00Z"), null, Map.of(), "purchase", "android", "fr-CA", "4.2.0",
                new BigDecimal("19.99"));

        String written = JSON.writeValueAsString(outcome);

        assertEquals("19.99", JSON.readTree(written).get("revenue").asText());
        assertEquals(outcome, JSON.readValue(written, DeliveryOutcome.class));
    }
}
