package dev.marquee.results.error;

/** A resource that does not exist, or exists in another workspace: both answer 404 alike. */
public class NotFound extends RuntimeException {

    public NotFound(String what) {
        super(what + " not found");
    }
}
