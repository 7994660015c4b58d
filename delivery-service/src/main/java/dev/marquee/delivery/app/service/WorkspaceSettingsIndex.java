package dev.marquee.delivery.app.service;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.WorkspaceSettings;

/**
 * Each app's workspace-wide caps, in memory. Events are complete snapshots, so the newest (by {@code occurredAt})
 * wins; an app never heard of gets {@link WorkspaceSettings#DEFAULTS}.
 */
@ApplicationScoped
public class WorkspaceSettingsIndex {

    private record Entry(Instant at, WorkspaceSettings settings) {
    }

    private final Map<String, Entry> byApp = new ConcurrentHashMap<>();

    public void apply(AppEvent event) {
        if (event.settings() == null) {
            return;
        }
        Instant at = event.occurredAt() == null ? Instant.EPOCH : event.occurredAt();
        byApp.merge(event.appId(), new Entry(at, event.settings()),
                (current, next) -> next.at().isBefore(current.at()) ? current : next);
    }

    public WorkspaceSettings of(String appId) {
        Entry entry = byApp.get(appId);
        return entry == null ? WorkspaceSettings.DEFAULTS : entry.settings();
    }
}
