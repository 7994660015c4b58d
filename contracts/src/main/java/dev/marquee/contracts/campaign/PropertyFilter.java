package dev.marquee.contracts.campaign;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A condition on one property of an event. {@code values} holds one value for the comparisons, several for
 * {@link Operator#IN}, none for {@link Operator#EXISTS}; numbers compare as numbers, everything else as text.
 */
@Schema(example = "{\"property\": \"price\", \"operator\": \"GTE\", \"values\": [50]}")
public record PropertyFilter(String property, Operator operator, List<Object> values) {

    public enum Operator {
        EQ, NEQ, GT, GTE, LT, LTE, IN, CONTAINS, EXISTS
    }
}
