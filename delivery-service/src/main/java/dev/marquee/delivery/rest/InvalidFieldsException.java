package dev.marquee.delivery.rest;

import java.util.List;

/** Fields of one request are not acceptable: each is named, so the client can fix them all at once. */
public class InvalidFieldsException extends RuntimeException {

    private final List<Problem.FieldError> errors;

    public InvalidFieldsException(String message, List<Problem.FieldError> errors) {
        super(message);
        this.errors = List.copyOf(errors);
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
