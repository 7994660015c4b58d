package dev.marquee.contracts.json;

import java.util.Optional;

/**
 * What text the stores can hold: PostgreSQL refuses a NUL character in {@code text} and {@code jsonb}, and an unpaired
 * UTF-16 surrogate has no UTF-8 form (it would be stored as {@code ?} or fail when answered). Every service refuses such
 * text where it arrives, as a client error naming the field, instead of failing later in a store.
 */
public final class StorableText {

    private StorableText() {
    }

    /** Why {@code text} cannot be stored, or empty when it can. */
    public static Optional<String> problem(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return Optional.of("must not contain a NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("must not contain an unpaired UTF-16 surrogate");
            }
        }
        return Optional.empty();
    }
}
