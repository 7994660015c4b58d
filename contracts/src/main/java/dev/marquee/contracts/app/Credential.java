package dev.marquee.contracts.app;

import java.time.Instant;
import java.util.List;

/**
 * A live SDK key or admin token of an app. {@code hash} is the lowercase hex SHA-256 of the secret; the secret itself
 * never leaves campaign-service. {@code role} is set for admin tokens only; {@code scopes}, {@code allowedOrigins} and
 * {@code bundleIds} for SDK keys only (an empty origin or bundle list means no restriction of that kind).
 * {@code expiresAt} is set on a rotated credential: it stays valid until then so that clients can switch over.
 */
public record Credential(String id, CredentialKind kind, String name, AdminRole role, String hash,
        List<SdkScope> scopes, List<String> allowedOrigins, List<String> bundleIds, Instant expiresAt) {

    /** A credential without SDK restrictions nor expiry: what apps had before keys could be scoped. */
    public Credential(String id, CredentialKind kind, String name, AdminRole role, String hash) {
        this(id, kind, name, role, hash, null, null, null, null);
    }
}
