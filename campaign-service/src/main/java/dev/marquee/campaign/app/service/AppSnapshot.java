package dev.marquee.campaign.app.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.App;
import dev.marquee.campaign.app.AppCredential;
import dev.marquee.campaign.app.AppIdentitySecret;
import dev.marquee.campaign.app.repository.AppCredentialRepository;
import dev.marquee.campaign.app.repository.AppIdentitySecretRepository;
import dev.marquee.campaign.app.repository.AppSettingsRepository;
import dev.marquee.campaign.outbox.service.Outbox;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.AppEventType;
import io.smallrye.mutiny.Uni;

/**
 * Publishes an app's complete state through the outbox, in the caller's transaction. app.events.v1 is compacted, so
 * every event carries all of it: live credentials, settings and identity secrets. The caller holds the app's row lock
 * ({@code AppRepository.findByIdForUpdate}, or the app is new), so that each snapshot gets the next version in commit
 * order and consumers can drop one that arrives after a newer one.
 */
@ApplicationScoped
public class AppSnapshot {

    private final AppCredentialRepository credentials;
    private final AppSettingsRepository settings;
    private final AppIdentitySecretRepository secrets;
    private final Outbox outbox;

    public AppSnapshot(AppCredentialRepository credentials, AppSettingsRepository settings,
            AppIdentitySecretRepository secrets, Outbox outbox) {
        this.credentials = credentials;
        this.settings = settings;
        this.secrets = secrets;
        this.outbox = outbox;
    }

    public Uni<Void> publish(AppEventType type, App app, Instant at) {
        app.snapshotVersion++;
        // flush first: the queries must see what this transaction just changed
        return credentials.flush()
                .flatMap(ignored -> credentials.listLive(app.id))
                .flatMap(live -> settings.findById(app.id)
                        .flatMap(row -> secrets.listLive(app.id)
                                .flatMap(identity -> outbox.add(new AppEvent(UUID.randomUUID().toString(), type, app.id,
                                        app.name, at, live.stream().map(AppCredential::toContract).toList(),
                                        row.toContract(),
                                        identity.stream().map(AppIdentitySecret::toContract).toList(),
                                        app.snapshotVersion)))));
    }
}
