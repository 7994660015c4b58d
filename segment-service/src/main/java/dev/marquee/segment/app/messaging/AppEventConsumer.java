package dev.marquee.segment.app.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.marquee.contracts.app.AppEvent;
import dev.marquee.segment.app.service.AppErasure;
import io.smallrye.mutiny.Uni;

/**
 * Reads {@code app.events.v1} for one thing: an app's {@code DELETED} event, recorded ({@link AppErasure#record})
 * before its offset is committed, so that no deletion is lost. The topic is compacted and read from its start by a
 * new group, so apps deleted before this consumer existed are erased too.
 */
@ApplicationScoped
public class AppEventConsumer {

    private static final Logger LOG = Logger.getLogger(AppEventConsumer.class);

    private final AppErasure erasure;

    public AppEventConsumer(AppErasure erasure) {
        this.erasure = erasure;
    }

    @Incoming("app-events")
    public Uni<Void> consume(AppEvent event) {
        if (event == null || event.appId() == null) {
            LOG.warn("skipped an unreadable record on app.events.v1");
            return Uni.createFrom().voidItem();
        }
        if (!event.deleted()) {
            return Uni.createFrom().voidItem();
        }
        // PostgreSQL down holds this topic (and nothing else) until it is back: a deletion is never skipped
        return Uni.createFrom().deferred(() -> erasure.record(event.appId(), event.occurredAt()))
                .onFailure().invoke(e -> LOG.warnf("deletion of app %s not recorded yet, retrying: %s",
                        event.appId(), e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }
}
