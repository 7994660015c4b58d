package dev.marquee.campaign.campaign.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.marquee.campaign.campaign.Campaign;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.MessageFormat;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, String> {

    /** Null when the campaign does not exist or belongs to another app: both are "not found". */
    public Uni<Campaign> findInApp(String appId, String campaignId) {
        return find("appId = ?1 and id = ?2", appId, campaignId).firstResult();
    }

    /**
     * Like {@link #findInApp}, with the row locked until the transaction ends ({@code SELECT … FOR UPDATE}): every
     * write loads its campaign this way, so that concurrent writes to one campaign take turns; a later one sees what
     * the earlier one committed (a deleted campaign: not found).
     */
    public Uni<Campaign> findInAppForUpdate(String appId, String campaignId) {
        return find("appId = ?1 and id = ?2", appId, campaignId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

    /**
     * Scheduled campaigns whose start has come, and live ones whose end has passed (in any app not deleted), locked; rows a
     * request is changing right now are skipped ({@code FOR UPDATE SKIP LOCKED}) and come up on the next tick.
     */
    public Uni<List<Campaign>> due(Instant now, int limit) {
        // native: Panache's reactive queries take no SKIP LOCKED hint
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select * from campaign
                where ((state = :scheduled and start_at <= :now) or (state in (:live) and end_at <= :now))
                  and app_id in (select id from app where deleted_at is null)
                order by updated_at limit :limit
                for update skip locked""", Campaign.class)
                .setParameter("scheduled", CampaignState.SCHEDULED.name())
                .setParameter("live", List.of(CampaignState.SCHEDULED.name(), CampaignState.ACTIVE.name(),
                        CampaignState.PAUSED.name()))
                .setParameter("now", now)
                .setParameter("limit", limit)
                .getResultList());
    }

    /** Up to {@code limit} campaigns of the app, locked: the next batch of a deleted app's erasure. */
    public Uni<List<Campaign>> forErasure(String appId, int limit) {
        return find("appId = ?1 order by id", appId).withLock(LockModeType.PESSIMISTIC_WRITE).page(Page.ofSize(limit))
                .list();
    }

    /** How many of the app's campaigns that are not yet ended use the HTML format. */
    public Uni<Long> countLiveHtml(String appId) {
        return count("appId = ?1 and format = ?2 and state in ?3", appId, MessageFormat.HTML,
                List.of(CampaignState.DRAFT, CampaignState.SCHEDULED, CampaignState.ACTIVE, CampaignState.PAUSED));
    }

    /** Where a page of a campaign list ends: the creation time and id of its last campaign. */
    public record Position(Instant createdAt, String id) {
    }

    /** The app's campaigns, newest first, after {@code after} (null: from the start), optionally filtered. */
    public Uni<List<Campaign>> page(String appId, CampaignState state, MessageFormat format, Position after, int limit) {
        StringBuilder query = new StringBuilder("appId = :app");
        Parameters parameters = Parameters.with("app", appId);
        if (state != null) {
            query.append(" and state = :state");
            parameters.and("state", state);
        }
        if (format != null) {
            query.append(" and format = :format");
            parameters.and("format", format);
        }
        if (after != null) {
            query.append(" and (createdAt < :at or (createdAt = :at and id < :id))");
            parameters.and("at", after.createdAt()).and("id", after.id());
        }
        query.append(" order by createdAt desc, id desc");
        return find(query.toString(), parameters).page(Page.ofSize(limit)).list();
    }
}
