package dev.marquee.delivery.domain;

import java.util.List;

/** Fields of one request are not acceptable: each is named with its path, so the client can fix them all at once. */
public class InvalidFieldsException extends RuntimeException {

    private final List<FieldViolation> violations;

    public InvalidFieldsException(String message, List<FieldViolation> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** One field at fault, with the usual summary. */
    public static InvalidFieldsException of(String field, String message) {
        return new InvalidFieldsException("The request has invalid fields.", List.of(new FieldViolation(field, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
