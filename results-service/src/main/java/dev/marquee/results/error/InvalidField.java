package dev.marquee.results.error;

/** A request field that is well-formed but not acceptable (a rule Bean Validation cannot express). */
public class InvalidField extends RuntimeException {

    private final String field;

    public InvalidField(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
