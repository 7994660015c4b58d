package dev.marquee.delivery.message.rest;

import java.util.List;

import dev.marquee.contracts.campaign.Button;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.delivery.message.service.Localization;

/** A message as the SDK renders it, in the user's locale, with the triggers that show it. */
public record SdkMessage(String campaignId, long version, MessageFormat format, String locale, String title,
        String body, List<Button> buttons, List<Trigger> triggers) {

    static SdkMessage of(CampaignSnapshot campaign, String requestedLocale) {
        Localization.Localized text = Localization.localize(campaign.message(), requestedLocale);
        return new SdkMessage(campaign.id(), campaign.version(), campaign.message().format(), text.locale(),
                text.title(), text.body(), text.buttons(), campaign.triggers());
    }
}
