package dev.marquee.contracts.campaign;

import java.util.List;

/**
 * A condition on one property of an event. {@code values} holds one value for the comparisons, several for
 * {@link Operator#IN}, none for {@link Operator#EXISTS}; numbers compare as numbers, everything else as text.
 */
public record PropertyFilter(String property, Operator operator, List<Object> values) {

    public enum Operator {
        EQ, NEQ, GT, GTE, LT, LTE, IN, CONTAINS, EXISTS
    }
}
