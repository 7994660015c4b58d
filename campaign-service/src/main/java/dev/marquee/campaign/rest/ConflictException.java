package dev.marquee.campaign.rest;

/** A request that the resource's current state does not allow (e.g. pausing a draft). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
