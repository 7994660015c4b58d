package dev.marquee.campaign.outbox.repository;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.outbox.OutboxDeadLetter;
import dev.marquee.campaign.outbox.OutboxEntry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class OutboxRepository implements PanacheRepository<OutboxEntry> {

    /** Any number that no other advisory lock of this database uses. */
    private static final long RELAY_LOCK = 0x6d61727175656501L;

    /**
     * Takes the relay lock for the current transaction, if no other instance holds it: one relay at a time keeps the
     * events of a key in commit order.
     */
    public Uni<Boolean> tryRelayLock() {
        return Panache.getSession()
                .flatMap(session -> session
                        .createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")", Boolean.class)
                        .getSingleResult());
    }

    public Uni<List<OutboxEntry>> oldest(int count) {
        return findAll(Sort.by("id")).page(Page.ofSize(count)).list();
    }

    /** Moves the entry to {@code outbox_dead_letter}, in the current transaction. */
    public Uni<Void> deadLetter(OutboxEntry entry, String reason, Instant now) {
        return Panache.getSession()
                .flatMap(session -> session.persist(OutboxDeadLetter.of(entry, reason, now)))
                .chain(() -> delete(entry));
    }
}
