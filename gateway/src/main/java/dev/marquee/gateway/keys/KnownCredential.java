package dev.marquee.gateway.keys;

import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.CredentialKind;

/** A live SDK key or admin token as the gateway knows it: by the hash of its secret, never the secret. */
public record KnownCredential(String appId, String credentialId, CredentialKind kind, AdminRole role, String name) {
}
