package dev.marquee.campaign.app.repository;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.AppErasureReport;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;

/** The services' reports of their erasure of deleted apps (table {@code app_erasure_report}), the newest of each. */
@ApplicationScoped
public class ErasureReportRepository {

    private static final TypeReference<Map<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public ErasureReportRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Keeps the report in the current transaction unless a newer one of the same service is held: idempotent. */
    public Uni<Void> apply(AppErasureReport report) {
        String erased;
        try {
            erased = json.writeValueAsString(report.erased() == null ? Map.of() : report.erased());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                insert into app_erasure_report (app_id, service, state, erased, finished_at, occurred_at)
                values (:app, :service, :state, :erased, :finished, :occurred)
                on conflict (app_id, service) do update
                set state = excluded.state, erased = excluded.erased, finished_at = excluded.finished_at,
                    occurred_at = excluded.occurred_at
                where app_erasure_report.occurred_at <= excluded.occurred_at""")
                .setParameter("app", report.appId())
                .setParameter("service", report.service())
                .setParameter("state", report.state().name())
                .setParameter("erased", erased)
                .setParameter("finished", report.finishedAt())
                .setParameter("occurred", report.occurredAt())
                .executeUpdate())
                .replaceWithVoid();
    }

    public Uni<List<AppErasureReport>> of(String appId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select service, state, erased, finished_at, occurred_at from app_erasure_report
                where app_id = :app order by service""", Object[].class)
                .setParameter("app", appId)
                .getResultList())
                .map(rows -> {
                    List<AppErasureReport> reports = new ArrayList<>(rows.size());
                    for (Object[] row : rows) {
                        reports.add(new AppErasureReport(appId, (String) row[0],
                                AppErasureReport.State.valueOf((String) row[1]), counts((String) row[2]),
                                instant(row[3]), instant(row[4])));
                    }
                    return reports;
                });
    }

    private Map<String, Long> counts(String erased) {
        try {
            return json.readValue(erased, COUNTS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable erasure counts: " + erased, e);
        }
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof OffsetDateTime offset ? offset.toInstant() : (Instant) value;
    }
}
