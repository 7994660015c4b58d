package dev.marquee.campaign.campaign.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.campaign.AuditEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEntry> {

    /** Newest first, starting below the entry {@code beforeId} (exclusive). */
    public Uni<List<AuditEntry>> page(String appId, String campaignId, long beforeId, int limit) {
        return find("appId = ?1 and campaignId = ?2 and id < ?3 order by id desc", appId, campaignId, beforeId)
                .page(Page.ofSize(limit))
                .list();
    }
}
