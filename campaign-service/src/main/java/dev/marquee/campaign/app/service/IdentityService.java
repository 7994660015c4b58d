package dev.marquee.campaign.app.service;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.App;
import dev.marquee.campaign.app.AppIdentitySecret;
import dev.marquee.campaign.app.repository.AppIdentitySecretRepository;
import dev.marquee.campaign.app.repository.AppRepository;
import dev.marquee.campaign.config.TimeSource;
import dev.marquee.campaign.error.NotFound;
import dev.marquee.contracts.app.AppEventType;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Identity verification of an app: on while it has a live secret. A new secret replaces the live ones after an
 * overlap, so that the app's backend can switch without failing its users' calls; turning it off removes them all.
 */
@ApplicationScoped
public class IdentityService {

    static final String SECRET_PREFIX = "mq_is_";

    private final AppRepository apps;
    private final AppIdentitySecretRepository secrets;
    private final AppSnapshot snapshot;
    private final TimeSource time;

    public IdentityService(AppRepository apps, AppIdentitySecretRepository secrets, AppSnapshot snapshot, TimeSource time) {
        this.apps = apps;
        this.secrets = secrets;
        this.snapshot = snapshot;
        this.time = time;
    }

    @WithSession
    public Uni<List<AppIdentitySecret>> live(String appId) {
        return apps.findLive(appId).onItem().ifNull().failWith(() -> new NotFound("app " + appId))
                .flatMap(app -> secrets.listLive(appId));
    }

    /** Issues a secret (turning verification on); the live ones end after {@code overlap} (zero: now). */
    @WithTransaction
    public Uni<AppIdentitySecret> issue(String appId, Duration overlap) {
        Instant now = time.now();
        AppIdentitySecret issued = new AppIdentitySecret();
        issued.id = UUID.randomUUID().toString();
        issued.appId = appId;
        issued.secret = Secrets.newSecret(SECRET_PREFIX);
        issued.createdAt = now;
        return app(appId).flatMap(app -> secrets.listLive(appId).flatMap(live -> {
            for (AppIdentitySecret old : live) {
                if (overlap.isZero()) {
                    old.revokedAt = now;
                } else if (old.expiresAt == null || old.expiresAt.isAfter(now.plus(overlap))) {
                    old.expiresAt = now.plus(overlap);
                }
            }
            return secrets.persist(issued).flatMap(ignored -> snapshot.publish(AppEventType.SETTINGS_CHANGED, app, now));
        })).replaceWith(issued);
    }

    /** Turns verification off: every secret is removed, and SDK calls need no signature any more. */
    @WithTransaction
    public Uni<Void> disable(String appId) {
        Instant now = time.now();
        return app(appId).flatMap(app -> secrets.listLive(appId).flatMap(live -> {
            live.forEach(secret -> secret.revokedAt = now);
            return snapshot.publish(AppEventType.SETTINGS_CHANGED, app, now);
        }));
    }

    /** The app, locked: its snapshots are written one at a time (see {@link AppSnapshot}). */
    private Uni<App> app(String appId) {
        return apps.findLiveForUpdate(appId).onItem().ifNull().failWith(() -> new NotFound("app " + appId));
    }
}
