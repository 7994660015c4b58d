package dev.marquee.delivery.error;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Text fields of the JSON bodies the services still read as trees, with one rule so that events, interactions and
 * sends refuse alike.
 */
public final class BodyFields {

    private BodyFields() {
    }

    /**
     * A non-blank string of at most {@code max} characters without control characters, or null (with an error added
     * when it is required or malformed). {@code path} prefixes the field in errors: {@code ""} or {@code "events[2]."}.
     */
    public static String text(JsonNode node, String field, String path, int max, boolean required,
            List<FieldProblem> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldProblem(path + field, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > max
                || value.asText().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldProblem(path + field, "must be a non-blank string of at most " + max
                    + " characters without control characters"));
            return null;
        }
        return value.asText();
    }
}
