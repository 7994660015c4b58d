package dev.marquee.sdk.trigger;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Local trigger evaluation, the same rules as the web SDK's {@code triggers.ts} and delivery-service's
 * {@code PropertyFilters}: numbers (or numeric text) compare as numbers, everything else as text by UTF-16 code
 * units.
 */
public final class TriggerMatcher {
    private static final Pattern DECIMAL = Pattern.compile("^[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?$");

    private TriggerMatcher() {
    }

    /**
     * Whether a campaign trigger ({@code type}, {@code name}, {@code filters}) matches what fired: the same type, the
     * same name for screen views and custom events, and every filter holding.
     */
    public static boolean matches(String type, String name, List<PropertyFilter> filters, String firedType,
            String firedName, Map<String, Object> properties) {
        if (!type.equals(firedType)) {
            return false;
        }
        if ((firedType.equals("SCREEN_VIEW") || firedType.equals("CUSTOM_EVENT")) && !Objects.equals(name, firedName)) {
            return false;
        }
        for (PropertyFilter filter : filters) {
            if (!holds(filter, properties == null ? null : properties.get(filter.property()))) {
                return false;
            }
        }
        return true;
    }

    public static boolean holds(PropertyFilter filter, Object value) {
        if (filter.operator().equals("EXISTS")) {
            return value != null;
        }
        List<Object> values = filter.values();
        if (value == null || values.isEmpty()) {
            return false;
        }
        Object expected = values.get(0);
        switch (filter.operator()) {
            case "EQ" :
                return compare(value, expected) == 0;
            case "NEQ" :
                return compare(value, expected) != 0;
            case "GT" :
                return compare(value, expected) > 0;
            case "GTE" :
                return compare(value, expected) >= 0;
            case "LT" :
                return compare(value, expected) < 0;
            case "LTE" :
                return compare(value, expected) <= 0;
            case "IN" :
                for (Object candidate : values) {
                    if (compare(value, candidate) == 0) {
                        return true;
                    }
                }
                return false;
            case "CONTAINS" :
                return text(value).contains(text(expected));
            default :
                return false;
        }
    }

    private static int compare(Object actual, Object expected) {
        BigDecimal a = number(actual);
        BigDecimal e = number(expected);
        if (a != null && e != null) {
            return Integer.signum(a.compareTo(e));
        }
        return Integer.signum(text(actual).compareTo(text(expected)));
    }

    private static BigDecimal number(Object value) {
        if (value instanceof Number) {
            double d = ((Number) value).doubleValue();
            return Double.isFinite(d) ? new BigDecimal(value.toString()) : null;
        }
        if (value instanceof String && DECIMAL.matcher(((String) value).trim()).matches()) {
            return new BigDecimal(((String) value).trim());
        }
        return null;
    }

    /** As JavaScript's {@code String(value)} for the JSON values a property can hold (integral numbers without ".0"). */
    private static String text(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e21) {
                return Long.toString((long) d);
            }
        }
        return String.valueOf(value);
    }
}
