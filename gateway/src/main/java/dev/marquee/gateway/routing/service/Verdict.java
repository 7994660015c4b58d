package dev.marquee.gateway.routing.service;

/** What the gateway decided about a caller, before any upstream is involved. */
public sealed interface Verdict {

    /** Let through; {@code appId} is the app the caller acts for (null for the operator), {@code principal} who. */
    record Allowed(String appId, String principal) implements Verdict {
    }

    /** Refused with this status and problem detail. */
    record Refused(int status, String title, String detail) implements Verdict {
    }

    static Verdict unauthorized(String detail) {
        return new Refused(401, "Unauthorized", detail);
    }
}
