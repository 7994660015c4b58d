package dev.marquee.results.rest;

/** A resource that does not exist, or exists in another workspace: both answer 404 alike. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
