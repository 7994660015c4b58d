package dev.marquee.delivery.app.service;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.WorkspaceSettings;

/**
 * Each app's workspace-wide caps, in memory. Events are complete snapshots: one applies only when it
 * {@link AppEvent#supersedes} the held one (by version: a snapshot published after a newer one is ignored, whatever its
 * {@code occurredAt}); between unversioned (legacy) events the later {@code occurredAt} wins. An app never heard of
 * gets {@link WorkspaceSettings#DEFAULTS}.
 */
@ApplicationScoped
public class WorkspaceSettingsIndex {

    private record Entry(long version, Instant at, WorkspaceSettings settings) {
    }

    private final Map<String, Entry> byApp = new ConcurrentHashMap<>();

    public void apply(AppEvent event) {
        if (event.settings() == null) {
            return;
        }
        Instant at = event.occurredAt() == null ? Instant.EPOCH : event.occurredAt();
        byApp.merge(event.appId(), new Entry(event.version(), at, event.settings()),
                (current, next) -> event.supersedes(current.version())
                        && (next.version() > 0 || !next.at().isBefore(current.at())) ? next : current);
    }

    public WorkspaceSettings of(String appId) {
        Entry entry = byApp.get(appId);
        return entry == null ? WorkspaceSettings.DEFAULTS : entry.settings();
    }
}
