package dev.marquee.campaign.campaign.rest;

import dev.marquee.campaign.campaign.service.CampaignService;
import dev.marquee.contracts.campaign.Message;

/** The message as the SDK would get it: {@code locale} is the translation chosen ({@code default} when none). */
public record PreviewResponse(String campaignId, long version, String variant, String locale, Message message) {

    static PreviewResponse of(CampaignService.Preview preview) {
        return new PreviewResponse(preview.campaign().id, preview.campaign().version, preview.variant().id(),
                preview.rendered().locale(), preview.rendered().message());
    }
}
