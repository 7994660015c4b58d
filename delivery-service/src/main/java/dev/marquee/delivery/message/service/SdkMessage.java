package dev.marquee.delivery.message.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.contracts.template.MessageRenderer;
import dev.marquee.delivery.decision.service.VariantAssignment;

/**
 * A message as the SDK renders it: the user's variant, in the user's locale, personalized, with the triggers that
 * show it. Absent parts are left out rather than sent as null.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SdkMessage(String campaignId, long version, String variant, String locale, List<Trigger> triggers,
        Message message) {

    /** Empty when the user is in the campaign's control group. */
    static Optional<SdkMessage> of(CampaignSnapshot campaign, String userId, String requestedLocale,
            Map<String, ?> profile) {
        return VariantAssignment.of(campaign, userId).map(variant -> rendered(campaign, variant, requestedLocale, profile));
    }

    private static SdkMessage rendered(CampaignSnapshot campaign, Variant variant, String locale, Map<String, ?> profile) {
        MessageRenderer.Rendered rendered = MessageRenderer.render(variant.message(), locale, profile);
        return new SdkMessage(campaign.id(), campaign.version(), variant.id(), rendered.locale(), campaign.triggers(),
                rendered.message());
    }
}
