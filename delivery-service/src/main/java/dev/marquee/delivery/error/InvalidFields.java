package dev.marquee.delivery.error;

import java.util.List;

/** Fields of one request are not acceptable: each is named with its path, so the client can fix them all at once. */
public class InvalidFields extends RuntimeException {

    private final List<FieldProblem> violations;

    public InvalidFields(String message, List<FieldProblem> violations) {
        super(message);
        this.violations = List.copyOf(violations);
    }

    /** One field at fault, with the usual summary. */
    public static InvalidFields of(String field, String message) {
        return new InvalidFields("The request has invalid fields.", List.of(new FieldProblem(field, message)));
    }

    public List<FieldProblem> violations() {
        return violations;
    }
}
