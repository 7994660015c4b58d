package dev.marquee.campaign.app;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of an app itself: who (the principal the gateway vouched for), what, when. */
@Entity
@Table(name = "app_audit_entry")
public class AppAuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "app_id")
    public String appId;

    /** {@code created}, {@code renamed} or {@code deleted}. */
    public String action;

    public String principal;

    public Instant at;

    /** JSON array of {field, before, after}; null for creation and deletion. */
    public String changes;

    public static AppAuditEntry of(String appId, String action, String principal, Instant at, String changes) {
        AppAuditEntry entry = new AppAuditEntry();
        entry.appId = appId;
        entry.action = action;
        entry.principal = principal;
        entry.at = at;
        entry.changes = changes;
        return entry;
    }
}
