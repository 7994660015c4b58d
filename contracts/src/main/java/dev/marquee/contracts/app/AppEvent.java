package dev.marquee.contracts.app;

import java.time.Instant;
import java.util.List;

/**
 * The current state of an app (workspace): its credentials and its settings. Published to {@code app.events.v1}, keyed
 * by {@code appId}; the topic is compacted, so each event is complete: every live credential of the app (hashes
 * only) and its settings.
 */
public record AppEvent(
        String eventId,
        AppEventType type,
        String appId,
        String name,
        Instant occurredAt,
        List<Credential> credentials,
        WorkspaceSettings settings) {
}
