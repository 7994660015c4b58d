package dev.marquee.delivery.error;

/**
 * A dependency did not take or answer the request in time: nothing of it was applied, the caller may retry.
 *
 * @see Dependency
 */
public class Unavailable extends RuntimeException {

    /** What was away. */
    public enum Dependency {
        /** The broker did not acknowledge a publication. */
        KAFKA,
        /** Redis (caps, inbox, outbox, interaction ids) did not answer. */
        REDIS
    }

    private final Dependency dependency;

    public Unavailable(Dependency dependency, String message, Throwable cause) {
        super(message, cause);
        this.dependency = dependency;
    }

    public Dependency dependency() {
        return dependency;
    }
}
