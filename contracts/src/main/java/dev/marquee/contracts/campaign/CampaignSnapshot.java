package dev.marquee.contracts.campaign;

import java.time.Instant;
import java.util.List;

public record CampaignSnapshot(
        String id,
        String appId,
        String name,
        CampaignState state,
        long version,
        List<Trigger> triggers,
        Message message,
        Schedule schedule,
        Frequency frequency,
        Instant updatedAt) {
}
