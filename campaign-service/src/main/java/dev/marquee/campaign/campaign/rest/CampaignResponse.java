package dev.marquee.campaign.campaign.rest;

import java.time.Instant;
import java.util.List;

import dev.marquee.campaign.campaign.Campaign;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.campaign.Variant;

/** A campaign as stored; {@code variants} holds one variant "A" of weight 100 when there is no experiment. */
public record CampaignResponse(String id, String appId, String name, CampaignState state, long version,
        List<Trigger> triggers, Targeting targeting, List<Variant> variants, int controlPercent, Schedule schedule,
        Frequency frequency, Goals goals, Instant createdAt, Instant updatedAt) {

    static CampaignResponse of(Campaign campaign) {
        return new CampaignResponse(campaign.id, campaign.appId, campaign.name, campaign.state, campaign.version,
                campaign.triggers, campaign.targeting, campaign.variants, campaign.controlPercent, campaign.schedule,
                campaign.frequency, campaign.goals, campaign.createdAt, campaign.updatedAt);
    }
}
