package dev.marquee.contracts.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as it is after one committed change: everything delivery needs to decide and render.
 *
 * @param variants 1–8; a campaign without an experiment has one variant of weight 100
 * @param controlPercent share of users held out (0–99); variants' weights and this make 100
 * @param goals null when the campaign measures no conversion
 * @param activatedAt when the campaign went live (activated, or started by its schedule); kept through pause and
 *     resume and unchanged by edits. Null while it never went live, and in snapshots written before the field existed
 */
public record CampaignSnapshot(
        String id,
        String appId,
        String name,
        CampaignState state,
        long version,
        List<Trigger> triggers,
        Targeting targeting,
        List<Variant> variants,
        int controlPercent,
        Schedule schedule,
        Frequency frequency,
        Goals goals,
        Instant updatedAt,
        Instant activatedAt) {

    /**
     * When the campaign started, as arbitration ranks recency: the schedule's start if it has one, else when it went
     * live; {@code updatedAt} only for snapshots older than {@code activatedAt}. An edit never moves it.
     */
    public Instant startedAt() {
        if (schedule != null && schedule.startAt() != null) {
            return schedule.startAt();
        }
        return activatedAt != null ? activatedAt : updatedAt;
    }
}
