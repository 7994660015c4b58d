package dev.marquee.campaign.error;

/** A thing that does not exist, or exists in another workspace: both are not found alike. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
