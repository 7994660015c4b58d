package dev.marquee.campaign.app;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.marquee.contracts.app.IdentitySecret;

/** A secret the app's backend signs user ids with; in clear, since HMACs are computed with it. */
@Entity
@Table(name = "app_identity_secret")
public class AppIdentitySecret {

    @Id
    public String id;

    @Column(name = "app_id")
    public String appId;

    public String secret;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public IdentitySecret toContract() {
        return new IdentitySecret(id, secret, expiresAt);
    }
}
