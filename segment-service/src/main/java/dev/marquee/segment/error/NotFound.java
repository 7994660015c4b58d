package dev.marquee.segment.error;

/** A thing that does not exist, or exists in another workspace: both are not found alike. */
public class NotFound extends RuntimeException {

    /** @param what what was looked for, as a caller reads it: {@code "Segment"}, {@code "User"} */
    public NotFound(String what) {
        super(what + " not found");
    }
}
