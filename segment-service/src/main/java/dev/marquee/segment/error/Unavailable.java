package dev.marquee.segment.error;

/**
 * Something this service needs did not take a write in time (Kafka, PostgreSQL, Redis): nothing of the operation was
 * applied, and the caller may retry it.
 */
public class Unavailable extends RuntimeException {

    private final String what;

    /**
     * @param what what is unavailable: {@code "Kafka"}, {@code "PostgreSQL"}
     * @param message what it did not take, for the log
     */
    public Unavailable(String what, String message, Throwable cause) {
        super(message, cause);
        this.what = what;
    }

    public String what() {
        return what;
    }
}
