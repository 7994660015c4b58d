package dev.marquee.campaign.app.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.App;
import dev.marquee.campaign.app.AppCredential;
import dev.marquee.campaign.app.repository.AppCredentialRepository;
import dev.marquee.campaign.app.repository.AppRepository;
import dev.marquee.campaign.config.TimeSource;
import dev.marquee.campaign.error.NotFound;
import dev.marquee.contracts.app.AppEventType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Issues, rotates and revokes an app's SDK keys and admin tokens. Every change publishes the app's full credential
 * list ({@code CREDENTIALS_CHANGED}) through the outbox, which is how every gateway instance learns of it.
 */
@ApplicationScoped
public class KeyService {

    private final AppRepository apps;
    private final AppCredentialRepository credentials;
    private final AppSnapshot snapshot;
    private final TimeSource time;

    public KeyService(AppRepository apps, AppCredentialRepository credentials, AppSnapshot snapshot, TimeSource time) {
        this.apps = apps;
        this.credentials = credentials;
        this.snapshot = snapshot;
        this.time = time;
    }

    /** A credential just issued, with its secret: the only time the secret is shown. */
    public record Issued(AppCredential credential, String secret) {
    }

    @WithSession
    public Uni<List<AppCredential>> list(String appId) {
        return apps.findLive(appId).onItem().ifNull().failWith(() -> new NotFound("app " + appId))
                .flatMap(app -> credentials.listLive(appId));
    }

    @WithTransaction
    public Uni<Issued> issue(String appId, KeySpec spec) {
        Instant now = time.now();
        String secret = Secrets.newSecret(spec.prefix());
        AppCredential issued = spec.issue(appId, secret, now);
        return app(appId)
                .flatMap(app -> credentials.persist(issued).flatMap(ignored -> published(app, now)))
                .replaceWith(new Issued(issued, secret));
    }

    /**
     * A new credential like {@code keyId}; the old one keeps working for {@code overlap} (zero: revoked at once), so
     * that clients can switch over without an outage.
     */
    @WithTransaction
    public Uni<Issued> rotate(String appId, String keyId, Duration overlap) {
        Instant now = time.now();
        return app(appId).flatMap(app -> live(appId, keyId, now).flatMap(old -> {
            if (overlap.isZero()) {
                old.revokedAt = now;
            } else {
                Instant end = now.plus(overlap);
                // rotating twice must not lengthen the life of the oldest credential
                old.expiresAt = old.expiresAt == null || old.expiresAt.isAfter(end) ? end : old.expiresAt;
            }
            String secret = Secrets.newSecret(KeySpec.of(old).prefix());
            AppCredential next = KeySpec.of(old).issue(appId, secret, now);
            return credentials.persist(next)
                    .flatMap(ignored -> published(app, now))
                    .replaceWith(new Issued(next, secret));
        }));
    }

    /** Revoked at once; the gateways drop it as soon as they read the event. */
    @WithTransaction
    public Uni<Void> revoke(String appId, String keyId) {
        Instant now = time.now();
        return app(appId).flatMap(app -> live(appId, keyId, now).flatMap(credential -> {
            credential.revokedAt = now;
            return published(app, now);
        }));
    }

    /** The app, locked: its snapshots are written one at a time (see {@link AppSnapshot}). */
    private Uni<App> app(String appId) {
        return apps.findLiveForUpdate(appId).onItem().ifNull().failWith(() -> new NotFound("app " + appId));
    }

    private Uni<AppCredential> live(String appId, String keyId, Instant now) {
        return credentials.findById(keyId)
                .map(c -> c != null && c.appId.equals(appId) && c.liveAt(now) ? c : null)
                .onItem().ifNull().failWith(() -> new NotFound("key " + keyId));
    }

    private Uni<Void> published(App app, Instant now) {
        return snapshot.publish(AppEventType.CREDENTIALS_CHANGED, app, now);
    }
}
