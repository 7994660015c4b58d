package dev.marquee.delivery.domain;

/** A request that is well formed but would store more than this service takes at once, naming the field. */
public class TooLargeException extends RuntimeException {

    private final String field;

    public TooLargeException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
