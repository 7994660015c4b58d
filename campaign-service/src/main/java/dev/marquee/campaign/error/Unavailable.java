package dev.marquee.campaign.error;

/** Something this service needs cannot be reached now; the caller may retry later. */
public class Unavailable extends RuntimeException {

    private final String what;

    /** @param what what is unavailable, as a caller may read it: {@code "campaign store"} */
    public Unavailable(String what) {
        super("The " + what + " is unavailable; retry later.");
        this.what = what;
    }

    public String what() {
        return what;
    }
}
