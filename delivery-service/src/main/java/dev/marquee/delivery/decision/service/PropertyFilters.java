package dev.marquee.delivery.decision.service;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import dev.marquee.contracts.campaign.PropertyFilter;

/** Evaluates trigger and goal filters on an event's properties: numbers compare as numbers, the rest as text. */
public final class PropertyFilters {

    private PropertyFilters() {
    }

    /** True when every filter holds (no filters: true). */
    public static boolean match(List<PropertyFilter> filters, Map<String, Object> properties) {
        if (filters == null || filters.isEmpty()) {
            return true;
        }
        Map<String, Object> props = properties == null ? Map.of() : properties;
        // a loop, not a stream: trigger filters are checked for every campaign on every decision
        for (PropertyFilter filter : filters) {
            if (!holds(filter, props.get(filter.property()))) {
                return false;
            }
        }
        return true;
    }

    private static boolean holds(PropertyFilter filter, Object value) {
        if (filter.operator() == PropertyFilter.Operator.EXISTS) {
            return value != null;
        }
        if (value == null || filter.values() == null || filter.values().isEmpty()) {
            return false;
        }
        Object expected = filter.values().get(0);
        return switch (filter.operator()) {
            case EQ -> compare(value, expected) == 0;
            case NEQ -> compare(value, expected) != 0;
            case GT -> compare(value, expected) > 0;
            case GTE -> compare(value, expected) >= 0;
            case LT -> compare(value, expected) < 0;
            case LTE -> compare(value, expected) <= 0;
            case IN -> filter.values().stream().anyMatch(v -> compare(value, v) == 0);
            case CONTAINS -> String.valueOf(value).contains(String.valueOf(expected));
            case EXISTS -> true;
        };
    }

    private static int compare(Object actual, Object expected) {
        BigDecimal a = number(actual);
        BigDecimal e = number(expected);
        if (a != null && e != null) {
            return a.compareTo(e);
        }
        return String.valueOf(actual).compareTo(String.valueOf(expected));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        if (value instanceof String text) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
