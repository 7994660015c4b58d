package dev.marquee.gateway.keys;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.Credential;
import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.contracts.app.SdkScope;

/**
 * A live SDK key or admin token as the gateway knows it: by the hash of its secret, never the secret. An empty
 * {@code allowedOrigins} or {@code bundleIds} means no restriction of that kind; {@code expiresAt} (rotated
 * credentials) is checked on every request, so an overlap ends without waiting for an event.
 */
public record KnownCredential(String appId, String credentialId, CredentialKind kind, AdminRole role, String name,
        Set<SdkScope> scopes, Set<String> allowedOrigins, Set<String> bundleIds, Instant expiresAt) {

    /** What a key published before keys were scoped may do: everything there was then, not the later debug scope. */
    private static final Set<SdkScope> UNSCOPED = Set.of(SdkScope.READ, SdkScope.TRACK);

    public KnownCredential(String appId, String credentialId, CredentialKind kind, AdminRole role, String name) {
        this(appId, credentialId, kind, role, name, UNSCOPED, Set.of(), Set.of(), null);
    }

    public static KnownCredential of(String appId, Credential credential) {
        // events from before keys were scoped carry no scopes: such keys could read and track, and still can
        Set<SdkScope> scopes = credential.scopes() == null ? UNSCOPED : present(credential.scopes());
        return new KnownCredential(appId, credential.id(), credential.kind(), credential.role(), credential.name(), scopes,
                present(credential.allowedOrigins()), present(credential.bundleIds()), credential.expiresAt());
    }

    private static <T> Set<T> present(List<T> values) {
        return values == null ? Set.of() : values.stream().filter(Objects::nonNull).collect(Collectors.toUnmodifiableSet());
    }

    public boolean liveAt(Instant now) {
        return expiresAt == null || expiresAt.isAfter(now);
    }

    /** Bound to web origins or bundle ids: a request must then show one of them. */
    public boolean bound() {
        return !allowedOrigins.isEmpty() || !bundleIds.isEmpty();
    }
}
