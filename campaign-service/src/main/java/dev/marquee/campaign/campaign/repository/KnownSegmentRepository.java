package dev.marquee.campaign.campaign.repository;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.config.TimeSource;
import dev.marquee.contracts.segment.SegmentDefinitionEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The segments of each app, as segment-service announced them (table {@code known_segment}). */
@ApplicationScoped
public class KnownSegmentRepository {

    private final TimeSource time;

    public KnownSegmentRepository(TimeSource time) {
        this.time = time;
    }

    /**
     * Applies an announcement in the current transaction. The newer version wins; at the same version a deletion
     * wins, so a republished "exists" older than the deletion does not bring the segment back.
     */
    public Uni<Void> apply(SegmentDefinitionEvent event) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into known_segment (app_id, segment_id, version, deleted, updated_at)
                values (:app, :segment, :version, :deleted, :now)
                on conflict (app_id, segment_id) do update
                set version = excluded.version, deleted = excluded.deleted, updated_at = excluded.updated_at
                where known_segment.version < excluded.version
                   or (known_segment.version = excluded.version and excluded.deleted)""")
                .setParameter("app", event.appId())
                .setParameter("segment", event.segmentId())
                .setParameter("version", event.version())
                .setParameter("deleted", event.deleted())
                .setParameter("now", time.now())
                .executeUpdate())
                .replaceWithVoid();
    }

    /** Those of {@code segmentIds} the app has (and has not deleted). */
    public Uni<List<String>> existing(String appId, Collection<String> segmentIds) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select segment_id from known_segment
                where app_id = :app and deleted = false and segment_id in (:ids)""", String.class)
                .setParameter("app", appId)
                .setParameter("ids", segmentIds)
                .getResultList());
    }
}
