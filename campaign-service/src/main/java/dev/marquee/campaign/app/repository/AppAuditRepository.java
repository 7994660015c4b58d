package dev.marquee.campaign.app.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.AppAuditEntry;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppAuditRepository implements PanacheRepository<AppAuditEntry> {

    /** Newest first, starting below the entry {@code beforeId} (exclusive). */
    public Uni<List<AppAuditEntry>> page(String appId, long beforeId, int limit) {
        return find("appId = ?1 and id < ?2 order by id desc", appId, beforeId).page(Page.ofSize(limit)).list();
    }
}
