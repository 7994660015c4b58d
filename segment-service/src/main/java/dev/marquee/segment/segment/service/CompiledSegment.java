package dev.marquee.segment.segment.service;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.contracts.user.UserEventType;
import dev.marquee.segment.segment.SegmentKind;
import dev.marquee.segment.segment.rule.Rule;

/**
 * A definition ready to evaluate, with what it depends on, so that an event re-evaluates only the segments it can
 * change.
 *
 * @param attributes attribute names the rule reads
 * @param events event names the rule counts
 * @param seen whether the rule reads first/last seen (changed by every activity)
 * @param timeDependent whether the passage of time alone can change the result
 * @param windowDays the longest counter window the rule reads (0: none)
 * @param filtered the event conditions with property filters, which need counters of their own
 */
public record CompiledSegment(String id, String appId, SegmentKind kind, long version, Rule rule,
        Set<String> attributes, Set<String> events, boolean seen, boolean timeDependent, int windowDays,
        List<Rule.EventCondition> filtered) {

    public static CompiledSegment rules(String id, String appId, long version, Rule rule) {
        Set<String> attributes = new HashSet<>();
        Set<String> events = new HashSet<>();
        List<Rule.EventCondition> filtered = new ArrayList<>();
        boolean[] seen = {false};
        int[] window = {0};
        walk(rule, attributes, events, filtered, seen, window);
        return new CompiledSegment(id, appId, SegmentKind.RULES, version, rule, Set.copyOf(attributes),
                Set.copyOf(events), seen[0], seen[0] || window[0] > 0, window[0], List.copyOf(filtered));
    }

    public static CompiledSegment uploaded(String id, String appId, long version) {
        return new CompiledSegment(id, appId, SegmentKind.STATIC, version, null, Set.of(), Set.of(), false, false, 0,
                List.of());
    }

    /** Can this event change the segment's result? */
    public boolean dependsOn(UserEvent event) {
        if (kind != SegmentKind.RULES) {
            return false;
        }
        boolean activity = event.type() != UserEventType.ATTRIBUTES;
        if (seen && activity) {
            return true;
        }
        if (event.type() == UserEventType.TRACK && events.contains(event.name())) {
            return true;
        }
        return event.attributes() != null && event.attributes().keySet().stream().anyMatch(attributes::contains);
    }

    private static void walk(Rule rule, Set<String> attributes, Set<String> events, List<Rule.EventCondition> filtered,
            boolean[] seen, int[] window) {
        if (rule instanceof Rule.And and) {
            and.rules().forEach(r -> walk(r, attributes, events, filtered, seen, window));
        } else if (rule instanceof Rule.Or or) {
            or.rules().forEach(r -> walk(r, attributes, events, filtered, seen, window));
        } else if (rule instanceof Rule.Not not) {
            walk(not.rule(), attributes, events, filtered, seen, window);
        } else if (rule instanceof Rule.AttributeCondition a) {
            attributes.add(a.attribute());
        } else if (rule instanceof Rule.EventCondition e) {
            events.add(e.event());
            window[0] = Math.max(window[0], e.withinDays());
            if (!e.where().isEmpty()) {
                filtered.add(e);
            }
        } else if (rule instanceof Rule.SeenCondition) {
            seen[0] = true;
        }
    }
}
