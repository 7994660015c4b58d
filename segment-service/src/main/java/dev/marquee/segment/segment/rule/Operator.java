package dev.marquee.segment.segment.rule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Comparison of an attribute or event property with a rule's value. */
public enum Operator {
    EQ, NEQ, IN, GT, GTE, LT, LTE, CONTAINS, EXISTS, VERSION_EQ, VERSION_GT, VERSION_GTE, VERSION_LT, VERSION_LTE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Operator> fromWire(String name) {
        return Arrays.stream(values()).filter(o -> o.wireName().equals(name)).findFirst();
    }

    public static String wireNames() {
        return String.join(", ", Arrays.stream(values()).map(Operator::wireName).toList());
    }

    boolean numeric() {
        return this == GT || this == GTE || this == LT || this == LTE;
    }

    boolean version() {
        return name().startsWith("VERSION_");
    }
}
