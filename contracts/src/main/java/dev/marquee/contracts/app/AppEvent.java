package dev.marquee.contracts.app;

import java.time.Instant;
import java.util.List;

/**
 * The current state of an app (workspace): its credentials and its settings. Published to {@code app.events.v1}, keyed
 * by {@code appId}; the topic is compacted, so each event is complete: every live credential of the app (hashes
 * only) and its settings. {@code identitySecrets}: the live secrets with which the app's backend signs user ids (empty:
 * identity verification is off); unlike credentials they travel in clear, since the gateway must compute HMACs with
 * them, which makes this topic confidential (Kafka ACLs: campaign-service writes, gateway and delivery read).
 */
public record AppEvent(
        String eventId,
        AppEventType type,
        String appId,
        String name,
        Instant occurredAt,
        List<Credential> credentials,
        WorkspaceSettings settings,
        List<IdentitySecret> identitySecrets) {

    /** An event without identity secrets (verification off). */
    public AppEvent(String eventId, AppEventType type, String appId, String name, Instant occurredAt,
            List<Credential> credentials, WorkspaceSettings settings) {
        this(eventId, type, appId, name, occurredAt, credentials, settings, null);
    }
}
