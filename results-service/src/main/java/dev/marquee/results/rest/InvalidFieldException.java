package dev.marquee.results.rest;

/** A request field that is well-formed but not acceptable (a rule Bean Validation cannot express). */
public class InvalidFieldException extends RuntimeException {

    private final String field;

    public InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
