package dev.marquee.contracts.app;

import java.time.Instant;
import java.util.List;

/**
 * The current state of an app (workspace): its credentials and its settings. Published to {@code app.events.v1}, keyed
 * by {@code appId}; the topic is compacted, so each event is complete: every live credential of the app (hashes
 * only) and its settings. {@code identitySecrets}: the live secrets with which the app's backend signs user ids (empty:
 * identity verification is off); unlike credentials they travel in clear, since the gateway must compute HMACs with
 * them, which makes this topic confidential (Kafka ACLs: campaign-service writes, gateway and delivery read).
 *
 * <p>{@code version}: the app's snapshot number, incremented under the app's row lock in the transaction that writes
 * the event, so it grows in commit order. Consumers apply an event only when it {@link #supersedes} what they hold; a
 * relay may publish a later commit first. 0: an event from before versions (legacy).
 *
 * <p>{@link AppEventType#DELETED} is an app's last event: no credentials, no identity secrets; a consumer erases what it
 * holds of the app.
 */
public record AppEvent(
        String eventId,
        AppEventType type,
        String appId,
        String name,
        Instant occurredAt,
        List<Credential> credentials,
        WorkspaceSettings settings,
        List<IdentitySecret> identitySecrets,
        long version) {

    /** An unversioned event (legacy, or a test's). */
    public AppEvent(String eventId, AppEventType type, String appId, String name, Instant occurredAt,
            List<Credential> credentials, WorkspaceSettings settings, List<IdentitySecret> identitySecrets) {
        this(eventId, type, appId, name, occurredAt, credentials, settings, identitySecrets, 0);
    }

    /** An event without identity secrets (verification off). */
    public AppEvent(String eventId, AppEventType type, String appId, String name, Instant occurredAt,
            List<Credential> credentials, WorkspaceSettings settings) {
        this(eventId, type, appId, name, occurredAt, credentials, settings, null);
    }

    /**
     * Whether this snapshot replaces one of version {@code held} (0: none held, or an unversioned one): a newer
     * version does; an older or equal one does not; an unversioned event only replaces an unversioned state.
     */
    public boolean supersedes(long held) {
        return version == 0 ? held == 0 : version > held;
    }

    /** Whether the app was deleted: nothing of it is valid any more, and its data is to be erased. */
    public boolean deleted() {
        return type == AppEventType.DELETED;
    }
}
