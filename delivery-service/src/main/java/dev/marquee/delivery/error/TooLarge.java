package dev.marquee.delivery.error;

/** A request that is well formed but would store more than this service takes at once, naming the field. */
public class TooLarge extends RuntimeException {

    private final String field;

    public TooLarge(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
