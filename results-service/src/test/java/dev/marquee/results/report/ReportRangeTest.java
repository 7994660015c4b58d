package dev.marquee.results.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import dev.marquee.results.error.InvalidField;

class ReportRangeTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-05-10T12:34:56Z"), ZoneOffset.UTC);

    @Test
    void theDefaultIsTheLast30DaysWidenedToWholeHours() {
        ReportRange range = ReportRange.parse(null, " ", NOW);

        assertEquals(Instant.parse("2026-04-10T12:00:00Z"), range.from());
        assertEquals(Instant.parse("2026-05-10T13:00:00Z"), range.to());
        assertEquals(Instant.parse("2026-04-10T12:34:56Z"), range.requestedFrom());
    }

    @Test
    void aDateIsItsStartAsFromAndThroughItsEndAsTo() {
        ReportRange range = ReportRange.parse("2026-05-01", "2026-05-01", NOW);

        assertEquals(Instant.parse("2026-05-01T00:00:00Z"), range.from());
        assertEquals(Instant.parse("2026-05-02T00:00:00Z"), range.to());
    }

    @Test
    void anInstantOnTheHourStaysAndOneWithinAnHourTakesTheWholeHour() {
        assertEquals(Instant.parse("2026-05-01T11:00:00Z"),
                ReportRange.parse("2026-05-01T10:00:00Z", "2026-05-01T11:00:00Z", NOW).to());
        assertEquals(Instant.parse("2026-05-01T12:00:00Z"),
                ReportRange.parse("2026-05-01T10:00:00Z", "2026-05-01T11:00:01Z", NOW).to());
        // an empty range is the hour it is in
        ReportRange instant = ReportRange.parse("2026-05-01T10:20:00Z", "2026-05-01T10:20:00Z", NOW);
        assertEquals(Instant.parse("2026-05-01T10:00:00Z"), instant.from());
        assertEquals(Instant.parse("2026-05-01T11:00:00Z"), instant.to());
    }

    @Test
    void badRangesNameTheParameter() {
        assertEquals("from", field(() -> ReportRange.parse("2026-05-03", "2026-05-01", NOW)));
        assertEquals("to", field(() -> ReportRange.parse("2025-01-01", "2026-05-01", NOW)));
        assertEquals("from", field(() -> ReportRange.parse("last week", null, NOW)));
        assertEquals("to", field(() -> ReportRange.parse(null, "2026-02-30", NOW)));
        assertEquals("from", field(() -> ReportRange.parse("+100000-01-01T00:00:00Z", null, NOW)));
        assertEquals("to", field(() -> ReportRange.parse(null, "+999999999-12-31", NOW)));
        assertEquals("from", field(() -> ReportRange.parse("1969-12-31", "1970-01-02", NOW)));
        // exactly 400 days is allowed
        assertEquals(Instant.parse("2025-04-05T00:00:00Z"),
                ReportRange.parse("2025-04-05T00:00:00Z", "2026-05-10T00:00:00Z", NOW).from());
    }

    private static String field(Runnable parse) {
        return assertThrows(InvalidField.class, parse::run).field();
    }
}
