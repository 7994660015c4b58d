package dev.marquee.delivery.rest;

/** A request that is well formed but would store more than this service takes at once (413, naming the field). */
public class PayloadTooLargeException extends RuntimeException {

    private final String field;

    public PayloadTooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
