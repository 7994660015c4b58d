package dev.marquee.contracts.campaign;

import java.time.Instant;

/**
 * A committed change of a campaign, carrying its full snapshot. Published to {@code campaign.events.v1}, keyed
 * {@code appId:campaignId}; the topic is compacted, so the last event of a key is the campaign's current state.
 */
public record CampaignEvent(
        String eventId,
        CampaignEventType type,
        String appId,
        String campaignId,
        Instant occurredAt,
        CampaignSnapshot campaign) {

    public String key() {
        return appId + ":" + campaignId;
    }
}
