package dev.marquee.segment.segment.rule;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** A segment's rule tree: AND/OR/NOT over attribute, behavioural (event counter) and first/last-seen conditions. */
public sealed interface Rule {

    record And(List<Rule> rules) implements Rule {
    }

    record Or(List<Rule> rules) implements Rule {
    }

    record Not(Rule rule) implements Rule {
    }

    /** {@code attribute op value}; {@code value} is null for {@link Operator#EXISTS}. */
    record AttributeCondition(String attribute, Operator op, JsonNode value) implements Rule {
    }

    /** A filter on a tracked event's property, same operators as attributes. */
    record PropertyFilter(String property, Operator op, JsonNode value) {
    }

    enum CountComparison {
        AT_LEAST, AT_MOST, EXACTLY
    }

    /**
     * Did the user do {@code event} (matching {@code where}) at least / at most / exactly {@code times} times in the
     * last {@code withinDays} UTC days (today included)? {@code counterField} is the day-counter field that counts it:
     * the event name, or {@code name#filterId} when there are property filters.
     */
    record EventCondition(String event, List<PropertyFilter> where, CountComparison comparison, long times,
            int withinDays, String counterField) implements Rule {
    }

    enum Seen {
        FIRST_SEEN, LAST_SEEN
    }

    enum Relation {
        BEFORE, WITHIN
    }

    /** First/last activity more than {@code days} ago ({@code BEFORE}) or within the last {@code days} ({@code WITHIN}). */
    record SeenCondition(Seen seen, Relation relation, int days) implements Rule {
    }
}
