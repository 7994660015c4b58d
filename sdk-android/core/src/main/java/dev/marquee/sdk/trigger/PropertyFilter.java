package dev.marquee.sdk.trigger;

import java.util.Collections;
import java.util.List;

/** contracts {@code PropertyFilter}: a property of the fired event, an operator, the values it compares with. */
public final class PropertyFilter {
    private final String property;
    private final String operator;
    private final List<Object> values;

    public PropertyFilter(String property, String operator, List<Object> values) {
        this.property = property;
        this.operator = operator;
        this.values = values == null ? Collections.emptyList() : values;
    }

    public String property() {
        return property;
    }

    public String operator() {
        return operator;
    }

    public List<Object> values() {
        return values;
    }
}
