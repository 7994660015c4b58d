package dev.marquee.segment.app.service;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.segment.app.repository.DeletedAppTable;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * The apps deleted so far, in memory, for the user-event consumer to skip their events: an event of a deleted app still
 * on {@code user.events.v1} must not write a profile back after the erasure. Deletions recorded by another instance
 * arrive with the refresh, every {@code marquee.segment.catalog-refresh}; the erasure waits longer than that.
 */
@ApplicationScoped
public class DeletedApps {

    private static final Logger LOG = Logger.getLogger(DeletedApps.class);

    private final DeletedAppTable table;
    private final Set<String> ids = ConcurrentHashMap.newKeySet();

    public DeletedApps(DeletedAppTable table) {
        this.table = table;
    }

    public boolean contains(String appId) {
        return ids.contains(appId);
    }

    void add(String appId) {
        ids.add(appId);
    }

    @Scheduled(every = "${marquee.segment.catalog-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> refresh() {
        return table.ids().invoke(ids::addAll).replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("deleted apps not re-read: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }
}
