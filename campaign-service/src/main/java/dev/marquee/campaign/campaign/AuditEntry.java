package dev.marquee.campaign.campaign;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One change of a campaign: who (the principal the gateway vouched for), what, when, and the version it made. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "app_id")
    public String appId;

    @Column(name = "campaign_id")
    public String campaignId;

    /** {@code created}, {@code updated}, {@code deleted} or a lifecycle action ({@code activate}, …). */
    public String action;

    public long version;

    public String principal;

    public Instant at;

    /** JSON array of {field, before, after} for each snapshot field the change altered; null for creation/deletion. */
    public String changes;
}
