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
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.campaign.Variant;

/** A campaign of one app: what to show (variants), to whom (targeting), when (triggers, schedule) and whether it runs (state). */
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

    @Convert(converter = JsonColumn.Audience.class)
    public Targeting targeting;

    /** The messages of the experiment's arms; one variant of weight 100 when there is no experiment. */
    @Convert(converter = JsonColumn.Variants.class)
    public List<Variant> variants;

    @Column(name = "control_percent")
    public int controlPercent;

    @Convert(converter = JsonColumn.Conversions.class)
    public Goals goals;

    @Convert(converter = JsonColumn.Timing.class)
    public Schedule schedule;

    /** {@link Schedule#startAt()} and {@link Schedule#endAt()} again, as columns the schedule clock can query. */
    @Column(name = "start_at")
    public Instant startAt;

    @Column(name = "end_at")
    public Instant endAt;

    @Convert(converter = JsonColumn.Caps.class)
    public Frequency frequency;

    /** The format of the variants' messages, kept in a column of its own for filtering. */
    @Enumerated(EnumType.STRING)
    public MessageFormat format;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** When it went live (activated, or started by the schedule clock); pause, resume and edits leave it. */
    @Column(name = "activated_at")
    public Instant activatedAt;

    public CampaignSnapshot snapshot() {
        return new CampaignSnapshot(id, appId, name, state, version, triggers, targeting, variants, controlPercent,
                schedule, frequency, goals, updatedAt, activatedAt);
    }
}
