package dev.marquee.campaign.campaign;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The full snapshot a campaign had after one committed change. */
@Entity
@Table(name = "campaign_version")
public class CampaignVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id")
    public String campaignId;

    @Column(name = "app_id")
    public String appId;

    public long version;

    /** The {@code CampaignSnapshot} as JSON. */
    public String snapshot;

    public String principal;

    @Column(name = "created_at")
    public Instant createdAt;
}
