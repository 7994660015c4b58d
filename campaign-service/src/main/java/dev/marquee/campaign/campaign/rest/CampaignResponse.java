package dev.marquee.campaign.campaign.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.marquee.campaign.campaign.Campaign;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.campaign.Variant;

/**
 * A campaign as stored; {@code variants} holds one variant "A" of weight 100 when there is no experiment;
 * {@code activatedAt} is when it went live (null until then; kept through pause, resume and edits).
 */
@Schema(example = "{\"id\": \"8f0e1c7a-2b1d-4f7e-9a55-0c1d2e3f4a5b\", \"appId\": \"3c9b…\", \"name\": \"Welcome\", \"state\": \"ACTIVE\", \"version\": 3, \"triggers\": [{\"type\": \"SESSION_START\", \"delaySeconds\": 0, \"filters\": []}], \"targeting\": {\"includeSegments\": [], \"excludeSegments\": [], \"platforms\": [], \"locales\": [], \"rolloutPercent\": 100}, \"variants\": [{\"id\": \"A\", \"weight\": 100, \"message\": {\"format\": \"MODAL\", \"title\": \"Welcome\", \"body\": \"Take the tour\", \"buttons\": []}}], \"controlPercent\": 0, \"schedule\": {\"mode\": \"ALWAYS_ON\"}, \"frequency\": {\"lifetimeCap\": 1, \"priority\": 50, \"critical\": false}, \"createdAt\": \"2026-11-23T10:00:00Z\", \"updatedAt\": \"2026-11-23T10:05:00Z\", \"activatedAt\": \"2026-11-23T10:01:00Z\"}")
public record CampaignResponse(String id, String appId, String name, CampaignState state, long version,
        List<Trigger> triggers, Targeting targeting, List<Variant> variants, int controlPercent, Schedule schedule,
        Frequency frequency, Goals goals, Instant createdAt, Instant updatedAt, Instant activatedAt) {

    static CampaignResponse of(Campaign campaign) {
        return new CampaignResponse(campaign.id, campaign.appId, campaign.name, campaign.state, campaign.version,
                campaign.triggers, campaign.targeting, campaign.variants, campaign.controlPercent, campaign.schedule,
                campaign.frequency, campaign.goals, campaign.createdAt, campaign.updatedAt,
                campaign.activatedAt);
    }
}
