package dev.marquee.campaign.app.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.AppDeletion;
import dev.marquee.contracts.Topics;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppDeletionRepository implements PanacheRepositoryBase<AppDeletion, String> {

    /**
     * The oldest deletion not yet erased, locked; one another instance is erasing right now is skipped
     * ({@code FOR UPDATE SKIP LOCKED}), so instances erase different apps, or the same one in turns. Null: none.
     */
    public Uni<AppDeletion> nextUnfinished() {
        // native: Panache's reactive queries take no SKIP LOCKED hint
        return Panache.getSession().flatMap(session -> session.createNativeQuery("""
                select * from app_deletion where state <> :done
                order by requested_at limit 1
                for update skip locked""", AppDeletion.class)
                .setParameter("done", AppDeletion.State.DONE.name())
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    /**
     * How many events of the app on {@code app.events.v1} the outbox still holds: 0 once the relay published them all,
     * the deletion's revocation included (the relay deletes a row only after Kafka acknowledged it).
     */
    public Uni<Long> unpublishedAppEvents(String appId) {
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "select count(*) from outbox where topic = :topic and event_key = :app", Long.class)
                .setParameter("topic", Topics.APP_EVENTS)
                .setParameter("app", appId)
                .getSingleResult());
    }
}
