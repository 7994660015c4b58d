package dev.marquee.campaign.app.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.marquee.campaign.app.AppCredential;
import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.contracts.app.SdkScope;

/** What a credential to issue is: an SDK key with its scopes and bindings, or a named admin token with a role. */
public record KeySpec(CredentialKind kind, String name, AdminRole role, List<SdkScope> scopes, List<String> allowedOrigins,
        List<String> bundleIds) {

    public static KeySpec sdkKey(String name, List<SdkScope> scopes, List<String> allowedOrigins, List<String> bundleIds) {
        return new KeySpec(CredentialKind.SDK_KEY, name, null, List.copyOf(scopes), List.copyOf(allowedOrigins),
                List.copyOf(bundleIds));
    }

    public static KeySpec adminToken(String name, AdminRole role) {
        return new KeySpec(CredentialKind.ADMIN_TOKEN, name, role, null, null, null);
    }

    /** The same kind of credential as {@code existing}: what a rotation issues. */
    static KeySpec of(AppCredential existing) {
        return new KeySpec(existing.kind, existing.name, existing.role, existing.sdkScopes(), existing.allowedOrigins,
                existing.bundleIds);
    }

    String prefix() {
        return kind == CredentialKind.SDK_KEY ? AppService.SDK_KEY_PREFIX : AppService.ADMIN_TOKEN_PREFIX;
    }

    AppCredential issue(String appId, String secret, Instant now) {
        AppCredential credential = new AppCredential();
        credential.id = UUID.randomUUID().toString();
        credential.appId = appId;
        credential.kind = kind;
        credential.name = name.strip();
        credential.role = role;
        credential.scopes = scopes == null ? null : scopes.stream().distinct().sorted().map(Enum::name).toList();
        credential.allowedOrigins = allowedOrigins;
        credential.bundleIds = bundleIds;
        credential.hash = Secrets.sha256(secret);
        credential.createdAt = now;
        return credential;
    }
}
