package dev.marquee.campaign.campaign.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.campaign.Campaign;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, String> {

    /** Null when the campaign does not exist or belongs to another app: both are "not found". */
    public Uni<Campaign> findInApp(String appId, String campaignId) {
        return find("appId = ?1 and id = ?2", appId, campaignId).firstResult();
    }

    public Uni<List<Campaign>> listInApp(String appId) {
        return list("appId = ?1 order by createdAt desc", appId);
    }
}
