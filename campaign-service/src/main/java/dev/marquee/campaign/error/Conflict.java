package dev.marquee.campaign.error;

/** A change that the current state does not allow (e.g. pausing a draft). */
public class Conflict extends RuntimeException {

    public Conflict(String message) {
        super(message);
    }
}
