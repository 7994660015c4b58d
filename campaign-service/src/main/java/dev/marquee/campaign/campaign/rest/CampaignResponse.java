package dev.marquee.campaign.campaign.rest;

import java.time.Instant;
import java.util.List;

import dev.marquee.campaign.campaign.Campaign;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Trigger;

public record CampaignResponse(String id, String appId, String name, CampaignState state, long version,
        List<Trigger> triggers, Message message, Schedule schedule, Frequency frequency, Instant createdAt,
        Instant updatedAt) {

    static CampaignResponse of(Campaign campaign) {
        return new CampaignResponse(campaign.id, campaign.appId, campaign.name, campaign.state, campaign.version,
                campaign.triggers, campaign.message, campaign.schedule, campaign.frequency, campaign.createdAt,
                campaign.updatedAt);
    }
}
