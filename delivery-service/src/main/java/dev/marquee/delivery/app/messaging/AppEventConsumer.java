package dev.marquee.delivery.app.messaging;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.marquee.contracts.app.AppErasureReport;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.delivery.app.repository.AppDataStore;
import dev.marquee.delivery.app.service.WorkspaceSettingsIndex;
import io.smallrye.mutiny.Uni;

/**
 * Keeps each app's workspace caps from the compacted {@code app.events.v1}, and erases a deleted app's Redis keys on
 * its {@code DELETED} event, then reports it ({@code DONE} with the count on {@code app.erasures.v1}) and marks it
 * erased; replaying the topic is harmless (an erased app is not scanned again). An erasure or report that failed is
 * done again at the next start, which replays the topic.
 */
@ApplicationScoped
public class AppEventConsumer {

    private static final Logger LOG = Logger.getLogger(AppEventConsumer.class);

    static final String SERVICE = "delivery-service";

    private final WorkspaceSettingsIndex settings;
    private final AppDataStore data;
    private final ErasureReportPublisher reports;
    private final Clock clock;

    public AppEventConsumer(WorkspaceSettingsIndex settings, AppDataStore data, ErasureReportPublisher reports) {
        this.settings = settings;
        this.data = data;
        this.reports = reports;
        this.clock = Clock.systemUTC();
    }

    @Incoming("app-events")
    public Uni<Void> consume(AppEvent event) {
        if (event == null || event.appId() == null) {
            LOG.warn("skipped an unreadable record on app.events.v1");
            return Uni.createFrom().voidItem();
        }
        settings.apply(event);
        if (!event.deleted()) {
            return Uni.createFrom().voidItem();
        }
        String appId = event.appId();
        return data.erased(appId)
                .flatMap(done -> done ? Uni.createFrom().item(-1L) : data.erase(appId).call(count -> {
                    Instant now = clock.instant();
                    return reports.publish(new AppErasureReport(appId, SERVICE, AppErasureReport.State.DONE,
                            Map.of("redisKeys", count), now, now)).chain(() -> data.markErased(appId, now));
                }))
                .invoke(count -> {
                    if (count >= 0) {
                        LOG.infof("deleted app %s: %d Redis keys erased", appId, count);
                    }
                })
                // the topic is replayed from the start at every start: an erasure that failed is tried again then
                .onFailure().invoke(e -> LOG.warnf("erasing deleted app %s failed (retried at the next start): %s",
                        appId, e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
