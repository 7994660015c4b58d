package dev.marquee.delivery.rest;

/** Kafka or Redis did not answer in time: nothing of the request was applied, the client retries. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
