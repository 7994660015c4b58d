package dev.marquee.results.report;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

import dev.marquee.results.error.InvalidField;

/**
 * The time range of a report, {@code [from, to)}, widened to whole UTC hours (the counters are hourly): {@code from}
 * to the start of its hour, {@code to} to the end of its hour unless it is on one.
 *
 * @param requestedFrom as asked (or defaulted)
 * @param requestedTo as asked (or defaulted)
 */
public record ReportRange(Instant from, Instant to, Instant requestedFrom, Instant requestedTo) {

    public static final Duration DEFAULT_LENGTH = Duration.ofDays(30);
    public static final Duration MAX_LENGTH = Duration.ofDays(400);
    /** Outside these, an instant is no campaign's (and PostgreSQL's timestamps end before some Java instants). */
    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");

    /**
     * @param from an ISO instant ({@code 2026-05-01T10:00:00Z}) or date ({@code 2026-05-01}: its start, UTC);
     *        default {@code to} − 30 days
     * @param to an ISO instant, or a date meaning through its end (UTC); default now
     * @throws InvalidField naming {@code from} or {@code to}
     */
    public static ReportRange parse(String from, String to, Clock clock) {
        Instant end = blank(to) ? clock.instant() : parse("to", to, true);
        Instant start = blank(from) ? end.minus(DEFAULT_LENGTH) : parse("from", from, false);
        if (start.isAfter(end)) {
            throw new InvalidField("from", "from must not be after to");
        }
        if (Duration.between(start, end).compareTo(MAX_LENGTH) > 0) {
            throw new InvalidField("to", "the range from from to to must not be longer than 400 days");
        }
        Instant hourFrom = start.truncatedTo(ChronoUnit.HOURS);
        Instant hourTo = end.truncatedTo(ChronoUnit.HOURS);
        if (hourTo.isBefore(end) || hourTo.equals(hourFrom)) {
            hourTo = hourTo.plus(1, ChronoUnit.HOURS);
        }
        return new ReportRange(hourFrom, hourTo, start, end);
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static Instant parse(String field, String value, boolean endOfDay) {
        String text = value.strip();
        Instant instant;
        try {
            instant = Instant.parse(text);
        } catch (DateTimeParseException notAnInstant) {
            try {
                LocalDate date = LocalDate.parse(text);
                instant = (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeException notADate) {
                throw new InvalidField(field,
                        field + " must be an ISO-8601 instant (2026-05-01T10:00:00Z) or date (2026-05-01)");
            }
        }
        if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
            throw new InvalidField(field, field + " must be between 1970-01-01 and 9999-12-31");
        }
        return instant;
    }
}
