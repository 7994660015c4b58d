package dev.marquee.delivery.app.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.marquee.contracts.app.AppEvent;
import dev.marquee.delivery.app.service.WorkspaceSettingsIndex;

/** Keeps each app's workspace caps from the compacted {@code app.events.v1}; replaying it is harmless. */
@ApplicationScoped
public class AppEventConsumer {

    private static final Logger LOG = Logger.getLogger(AppEventConsumer.class);

    private final WorkspaceSettingsIndex settings;

    public AppEventConsumer(WorkspaceSettingsIndex settings) {
        this.settings = settings;
    }

    @Incoming("app-events")
    public void consume(AppEvent event) {
        if (event == null || event.appId() == null) {
            LOG.warn("skipped an unreadable record on app.events.v1");
            return;
        }
        settings.apply(event);
    }
}
