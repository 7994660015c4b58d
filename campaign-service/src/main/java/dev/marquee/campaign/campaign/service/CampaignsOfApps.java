package dev.marquee.campaign.campaign.service;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.service.AppCampaigns;
import dev.marquee.campaign.campaign.repository.CampaignRepository;
import io.smallrye.mutiny.Uni;

/** The campaign feature's answer to what the app feature asks of an app's campaigns. */
@ApplicationScoped
public class CampaignsOfApps implements AppCampaigns {

    private final CampaignRepository campaigns;
    private final CampaignService service;

    public CampaignsOfApps(CampaignRepository campaigns, CampaignService service) {
        this.campaigns = campaigns;
        this.service = service;
    }

    @Override
    public Uni<Long> countLiveHtml(String appId) {
        return campaigns.countLiveHtml(appId);
    }

    @Override
    public Uni<Erased> eraseSome(String appId, int limit) {
        return service.eraseSome(appId, limit);
    }
}
