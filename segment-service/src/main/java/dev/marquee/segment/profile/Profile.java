package dev.marquee.segment.profile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What segment rules are evaluated on: a user's attributes, first/last activity and per-event counters in UTC day
 * buckets (only the days a rule needs are read).
 *
 * @param counts day → counter field ({@code event} or {@code event#filterId}) → count
 */
public record Profile(
        String userId,
        Map<String, JsonNode> attributes,
        Instant firstSeen,
        Instant lastSeen,
        Map<LocalDate, Map<String, Long>> counts) {

    public boolean exists() {
        return firstSeen != null || !attributes.isEmpty() || !counts.isEmpty();
    }

    /** The count of {@code field} over the days from {@code fromDay} to {@code toDay}, both included. */
    public long count(String field, LocalDate fromDay, LocalDate toDay) {
        long sum = 0;
        for (Map.Entry<LocalDate, Map<String, Long>> day : counts.entrySet()) {
            if (!day.getKey().isBefore(fromDay) && !day.getKey().isAfter(toDay)) {
                sum += day.getValue().getOrDefault(field, 0L);
            }
        }
        return sum;
    }
}
