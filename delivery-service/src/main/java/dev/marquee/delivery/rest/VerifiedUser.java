package dev.marquee.delivery.rest;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * User identity verification for bodies: when the app verifies identities, the gateway checks the signature of the
 * user id and passes the verified id in {@link #HEADER}. It can check a query's {@code userId} itself, but not a
 * streamed body's, so the SDK API refuses a body whose {@code userId} is not the verified one.
 */
public final class VerifiedUser {

    /** Set by the gateway only (stripped from inbound requests there). */
    public static final String HEADER = "X-Marquee-Verified-User-Id";

    private VerifiedUser() {
    }

    /** Throws when the app verifies identities and the body speaks for another user than the signed one. */
    public static void require(String verified, JsonNode body) {
        if (verified == null) {
            return;
        }
        JsonNode userId = body == null ? null : body.get("userId");
        if (userId == null || !userId.isTextual() || !verified.equals(userId.asText())) {
            throw new UnverifiedUserException();
        }
    }

    /** The body's user is not the one whose signature the gateway checked. */
    public static class UnverifiedUserException extends RuntimeException {

        UnverifiedUserException() {
            super("userId is not the user whose signature was verified");
        }
    }
}
