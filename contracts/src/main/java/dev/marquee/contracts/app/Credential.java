package dev.marquee.contracts.app;

/**
 * A live SDK key or admin token of an app. {@code hash} is the lowercase hex SHA-256 of the secret; the secret
 * itself never leaves campaign-service. {@code role} is set for admin tokens only.
 */
public record Credential(String id, CredentialKind kind, String name, AdminRole role, String hash) {
}
