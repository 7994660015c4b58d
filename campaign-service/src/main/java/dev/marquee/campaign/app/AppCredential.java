package dev.marquee.campaign.app;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.Credential;
import dev.marquee.contracts.app.CredentialKind;

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

    public Credential toContract() {
        return new Credential(id, kind, name, role, hash);
    }
}
