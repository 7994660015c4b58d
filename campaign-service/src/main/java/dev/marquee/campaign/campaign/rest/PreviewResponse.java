package dev.marquee.campaign.campaign.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.marquee.campaign.campaign.service.CampaignService;
import dev.marquee.contracts.campaign.Message;

/** The message as the SDK would get it: {@code locale} is the translation chosen ({@code default} when none). */
@Schema(example = "{\"campaignId\": \"8f0e1c7a-…\", \"version\": 3, \"variant\": \"A\", \"locale\": \"fr\", \"message\": {\"format\": \"MODAL\", \"title\": \"Salut Ada\", \"body\": \"Suivez le guide\", \"buttons\": [{\"id\": \"tour\", \"label\": \"C'est parti\", \"action\": \"DEEP_LINK\", \"url\": \"demoshop://tour\"}]}}")
public record PreviewResponse(String campaignId, long version, String variant, String locale, Message message) {

    static PreviewResponse of(CampaignService.Preview preview) {
        return new PreviewResponse(preview.campaign().id, preview.campaign().version, preview.variant().id(),
                preview.rendered().locale(), preview.rendered().message());
    }
}
