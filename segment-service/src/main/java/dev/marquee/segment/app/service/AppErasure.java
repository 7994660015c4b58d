package dev.marquee.segment.app.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.app.AppErasureReport;
import dev.marquee.contracts.segment.SegmentDefinitionEvent;
import dev.marquee.segment.app.messaging.ErasureReportPublisher;
import dev.marquee.segment.app.repository.AppKeyStore;
import dev.marquee.segment.app.repository.DeletedAppTable;
import dev.marquee.segment.config.SegmentConfig;
import dev.marquee.segment.config.TimeSource;
import dev.marquee.segment.segment.messaging.DefinitionPublisher;
import dev.marquee.segment.segment.service.SegmentCatalog;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Erases a deleted app's data from this service's stores, in the background, resumably:
 * <ol>
 * <li>the deletion is recorded in PostgreSQL ({@link #record}) as campaign-service's {@code DELETED} event arrives; from
 * then on no instance applies the app's user events ({@link DeletedApps});</li>
 * <li>after a grace period, one instance claims it for a lease and, step by step (each idempotent): announces every
 * segment of the app as deleted on {@code segment.definitions.v1}; deletes the definitions and the stored members of
 * its static segments; deletes its Redis keys ({@link AppKeyStore}); publishes {@code DONE} with the counts on
 * {@code app.erasures.v1}; marks it finished;</li>
 * <li>a failure anywhere leaves it unfinished: the lease runs out and it is taken up again, by this instance or
 * another, from the start (the steps already done find nothing left to do).</li>
 * </ol>
 */
@ApplicationScoped
public class AppErasure {

    static final String SERVICE = "segment-service";
    private static final Logger LOG = Logger.getLogger(AppErasure.class);

    private final DeletedAppTable table;
    private final AppKeyStore keys;
    private final DeletedApps deleted;
    private final SegmentCatalog catalog;
    private final DefinitionPublisher definitions;
    private final ErasureReportPublisher reports;
    private final SegmentConfig config;
    private final TimeSource time;

    public AppErasure(DeletedAppTable table, AppKeyStore keys, DeletedApps deleted, SegmentCatalog catalog,
            DefinitionPublisher definitions, ErasureReportPublisher reports, SegmentConfig config, TimeSource time) {
        this.table = table;
        this.keys = keys;
        this.deleted = deleted;
        this.catalog = catalog;
        this.definitions = definitions;
        this.reports = reports;
        this.config = config;
        this.time = time;
    }

    /** Records that the app was deleted (idempotent); its erasure starts a grace period from now. */
    public Uni<Void> record(String appId, Instant deletedAt) {
        Instant now = time.now();
        return table.record(appId, deletedAt == null ? now : deletedAt, now.plus(config.appErasure().grace()))
                .invoke(() -> deleted.add(appId));
    }

    /** Erases the due deletions, one after the other, until none is left to claim. */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public Uni<Void> eraseDue() {
        return eraseNext().chain(erased -> erased ? eraseDue() : Uni.createFrom().voidItem())
                .onFailure().invoke(e -> LOG.warnf("erasing a deleted app failed (taken up again after its lease): %s",
                        e.getMessage()))
                .onFailure().recoverWithNull();
    }

    private Uni<Boolean> eraseNext() {
        Instant now = time.now();
        Duration lease = config.appErasure().lease();
        return table.claim(now, now.plus(lease)).chain((Optional<String> claimed) -> claimed.isEmpty()
                ? Uni.createFrom().item(false)
                : erase(claimed.get()).replaceWith(true));
    }

    private Uni<Void> erase(String appId) {
        return table.definitions(appId)
                .call(versions -> announceDeleted(appId, versions))
                .call(versions -> table.eraseDefinitions(appId)
                        .invoke(() -> versions.keySet().forEach(id -> catalog.remove(appId, id))))
                .chain(versions -> keys.erase(appId))
                .chain(count -> table.addErasedKeys(appId, count))
                .chain(() -> table.erased(appId))
                .chain(erased -> {
                    Instant finished = time.now();
                    return reports.publish(new AppErasureReport(appId, SERVICE, AppErasureReport.State.DONE,
                            erased.asMap(), finished, finished))
                            .chain(() -> table.finish(appId, finished))
                            .invoke(() -> LOG.infof("deleted app %s erased: %s", appId, erased.asMap()));
                });
    }

    private Uni<Void> announceDeleted(String appId, Map<String, Long> versions) {
        Instant now = time.now();
        return Multi.createFrom().iterable(versions.entrySet())
                .onItem().transformToUniAndMerge(segment -> definitions.publish(new SegmentDefinitionEvent(appId,
                        segment.getKey(), segment.getValue(), true, now)))
                .collect().last().replaceWithVoid();
    }
}
