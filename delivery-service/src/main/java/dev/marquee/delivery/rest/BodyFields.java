package dev.marquee.delivery.rest;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.delivery.rest.Problem.FieldError;

/** Text fields of the SDK's JSON bodies, read with one rule so that events and interactions refuse alike. */
public final class BodyFields {

    private BodyFields() {
    }

    /**
     * A non-blank string of at most {@code max} characters without control characters, or null (with an error added
     * when it is required or malformed). {@code path} prefixes the field in errors: {@code ""} or {@code "events[2]."}.
     */
    public static String text(JsonNode node, String field, String path, int max, boolean required,
            List<FieldError> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(path + field, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > max
                || value.asText().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(path + field, "must be a non-blank string of at most " + max
                    + " characters without control characters"));
            return null;
        }
        return value.asText();
    }
}
