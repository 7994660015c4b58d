package dev.marquee.campaign.campaign;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.marquee.campaign.campaign.repository.JsonColumn;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Trigger;

/** A campaign of one app: what to show (message), when (triggers) and whether it runs (state). */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
    public String id;

    @Column(name = "app_id")
    public String appId;

    public String name;

    @Enumerated(EnumType.STRING)
    public CampaignState state;

    /** Grows by one on every committed change, so that consumers can tell newer snapshots from older ones. */
    public long version;

    @Convert(converter = JsonColumn.Triggers.class)
    public List<Trigger> triggers;

    @Convert(converter = JsonColumn.Content.class)
    public Message message;

    @Convert(converter = JsonColumn.Timing.class)
    public Schedule schedule;

    @Convert(converter = JsonColumn.Caps.class)
    public Frequency frequency;

    /** The format of {@link #message}, kept in a column of its own for filtering. */
    @Enumerated(EnumType.STRING)
    public MessageFormat format;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public CampaignSnapshot snapshot() {
        return new CampaignSnapshot(id, appId, name, state, version, triggers, message, schedule, frequency, updatedAt);
    }
}
