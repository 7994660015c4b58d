package dev.marquee.campaign.app;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.Credential;
import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.contracts.app.SdkScope;

/** An SDK key or admin token of an app; only the SHA-256 of the secret is kept. */
@Entity
@Table(name = "app_credential")
public class AppCredential {

    @Id
    public String id;

    @Column(name = "app_id")
    public String appId;

    @Enumerated(EnumType.STRING)
    public CredentialKind kind;

    public String name;

    @Enumerated(EnumType.STRING)
    public AdminRole role;

    public String hash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    /** Scope names ({@link SdkScope}); SDK keys only. */
    @Convert(converter = WordList.class)
    public List<String> scopes;

    @Column(name = "allowed_origins")
    @Convert(converter = WordList.class)
    public List<String> allowedOrigins;

    @Column(name = "bundle_ids")
    @Convert(converter = WordList.class)
    public List<String> bundleIds;

    /** Set when the credential was rotated: it keeps working until then, so that clients can switch over. */
    @Column(name = "expires_at")
    public Instant expiresAt;

    public boolean liveAt(Instant at) {
        return revokedAt == null && (expiresAt == null || expiresAt.isAfter(at));
    }

    public List<SdkScope> sdkScopes() {
        return scopes == null ? null : scopes.stream().map(SdkScope::valueOf).toList();
    }

    public Credential toContract() {
        return new Credential(id, kind, name, role, hash, sdkScopes(), allowedOrigins, bundleIds, expiresAt);
    }
}
