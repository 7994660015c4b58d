package dev.marquee.segment.rest;

/** Kafka or Redis did not take a write in time: the request may be retried, nothing of it was applied. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
