package dev.marquee.contracts.app;

import java.time.Instant;
import java.util.List;

/**
 * The current state of an app (workspace) and its credentials. Published to {@code app.events.v1}, keyed by
 * {@code appId}; the topic is compacted, so each event lists every live credential of the app (hashes only).
 */
public record AppEvent(
        String eventId,
        AppEventType type,
        String appId,
        String name,
        Instant occurredAt,
        List<Credential> credentials) {
}
