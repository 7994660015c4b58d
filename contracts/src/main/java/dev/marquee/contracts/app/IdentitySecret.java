package dev.marquee.contracts.app;

import java.time.Instant;

/**
 * A secret with which an app's backend signs its user ids (HMAC-SHA256, hex), so that an SDK call for user A needs a
 * signature for A. {@code expiresAt} is set on a replaced secret: it stays valid until then, so that backends can
 * switch over.
 */
public record IdentitySecret(String id, String secret, Instant expiresAt) {
}
