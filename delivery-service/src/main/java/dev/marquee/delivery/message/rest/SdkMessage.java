package dev.marquee.delivery.message.rest;

import java.util.List;

import dev.marquee.contracts.campaign.Button;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Trigger;

/** A message as the SDK renders it, with the triggers that show it. */
public record SdkMessage(String campaignId, long version, MessageFormat format, String title, String body,
        List<Button> buttons, List<Trigger> triggers) {

    static SdkMessage of(CampaignSnapshot campaign) {
        return new SdkMessage(campaign.id(), campaign.version(), campaign.message().format(), campaign.message().title(),
                campaign.message().body(), campaign.message().buttons(), campaign.triggers());
    }
}
