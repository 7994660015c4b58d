package dev.marquee.contracts.campaign;

import java.time.Instant;
import java.util.List;

/**
 * A campaign as it is after one committed change: everything delivery needs to decide and render.
 *
 * @param variants 1–8; a campaign without an experiment has one variant of weight 100
 * @param controlPercent share of users held out (0–99); variants' weights and this make 100
 * @param goals null when the campaign measures no conversion
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
        Instant updatedAt) {
}
