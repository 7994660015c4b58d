package dev.marquee.segment.segment.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.segment.segment.Segment;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class SegmentRepository implements PanacheRepositoryBase<Segment, String> {

    public Uni<Segment> findInApp(String appId, String id) {
        return find("id = ?1 and appId = ?2", id, appId).firstResult();
    }

    public Uni<List<Segment>> listInApp(String appId) {
        return list("appId = ?1 order by createdAt", appId);
    }
}
