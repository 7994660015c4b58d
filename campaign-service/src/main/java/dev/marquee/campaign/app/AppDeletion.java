package dev.marquee.campaign.app;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The erasure of a deleted app's rows in campaign-service, a batch at a time in the background, and how far it got.
 * The deletion itself (404 everywhere, every credential revoked) is done when this row is written.
 */
@Entity
@Table(name = "app_deletion")
public class AppDeletion {

    public enum State {
        /** Deleted; nothing erased yet. */
        PENDING,
        /** Some batches erased, more to go. */
        ERASING,
        /** Every row of the app erased (but the app's tombstone row and its own audit entries). */
        DONE
    }

    @Id
    @Column(name = "app_id")
    public String appId;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "erased_campaigns")
    public long erasedCampaigns;

    @Column(name = "erased_versions")
    public long erasedVersions;

    @Column(name = "erased_audit_entries")
    public long erasedAuditEntries;

    @Column(name = "erased_credentials")
    public long erasedCredentials;

    @Column(name = "erased_identity_secrets")
    public long erasedIdentitySecrets;

    @Column(name = "erased_settings")
    public long erasedSettings;

    public static AppDeletion requested(String appId, String principal, Instant at) {
        AppDeletion deletion = new AppDeletion();
        deletion.appId = appId;
        deletion.requestedBy = principal;
        deletion.requestedAt = at;
        deletion.state = State.PENDING;
        return deletion;
    }
}
