package dev.marquee.delivery.rest;

/** Kafka did not take a write in time: nothing of the request was accepted, the client retries. */
public class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
