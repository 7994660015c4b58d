package dev.marquee.campaign.campaign.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.campaign.CampaignVersion;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CampaignVersionRepository implements PanacheRepository<CampaignVersion> {

    /** Newest first, starting below {@code beforeVersion} (exclusive). */
    public Uni<List<CampaignVersion>> page(String campaignId, long beforeVersion, int limit) {
        return find("campaignId = ?1 and version < ?2 order by version desc", campaignId, beforeVersion)
                .page(Page.ofSize(limit))
                .list();
    }
}
