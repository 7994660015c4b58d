package dev.marquee.contracts.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

/**
 * A JSON string (value or field name) that {@link StorableText} refuses. Jackson adds the JSON path as it unwinds
 * ({@link #getPath()}), so the services name the field; {@link #reason()} is what to tell the client.
 */
public class UnstorableTextException extends InvalidFormatException {

    private final String reason;

    UnstorableTextException(JsonParser parser, String reason, String value) {
        super(parser, reason, value, String.class);
        this.reason = reason;
    }

    /** Why the text was refused, fit for the client: no class names, no value. */
    public String reason() {
        return reason;
    }
}
