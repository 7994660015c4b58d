package dev.marquee.campaign.app.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;

import dev.marquee.campaign.app.App;
import dev.marquee.campaign.app.AppAuditEntry;
import dev.marquee.campaign.app.AppCredential;
import dev.marquee.campaign.app.AppDeletion;
import dev.marquee.campaign.app.AppSettings;
import dev.marquee.campaign.app.repository.AppAuditRepository;
import dev.marquee.campaign.app.repository.AppCredentialRepository;
import dev.marquee.campaign.app.repository.AppDeletionRepository;
import dev.marquee.campaign.app.repository.AppIdentitySecretRepository;
import dev.marquee.campaign.app.repository.AppRepository;
import dev.marquee.campaign.app.repository.AppSettingsRepository;
import dev.marquee.campaign.app.repository.ErasureReportRepository;
import dev.marquee.campaign.config.TimeSource;
import dev.marquee.campaign.error.Conflict;
import dev.marquee.campaign.error.NotFound;
import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.AppErasureReport;
import dev.marquee.contracts.app.AppEventType;
import dev.marquee.contracts.app.SdkScope;
import dev.marquee.contracts.app.WorkspaceSettings;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppService {

    static final String SDK_KEY_PREFIX = "mq_pk_";
    static final String ADMIN_TOKEN_PREFIX = "mq_at_";

    private final AppRepository apps;
    private final AppCredentialRepository credentials;
    private final AppSettingsRepository settings;
    private final AppIdentitySecretRepository secrets;
    private final AppAuditRepository audit;
    private final AppDeletionRepository deletions;
    private final ErasureReportRepository erasureReports;
    private final AppSnapshot snapshot;
    private final AppCampaigns campaigns;
    private final ObjectMapper json;
    private final TimeSource time;

    public AppService(AppRepository apps, AppCredentialRepository credentials, AppSettingsRepository settings,
            AppIdentitySecretRepository secrets, AppAuditRepository audit, AppDeletionRepository deletions,
            ErasureReportRepository erasureReports, AppSnapshot snapshot, AppCampaigns campaigns, ObjectMapper json,
            TimeSource time) {
        this.apps = apps;
        this.credentials = credentials;
        this.settings = settings;
        this.secrets = secrets;
        this.audit = audit;
        this.deletions = deletions;
        this.erasureReports = erasureReports;
        this.snapshot = snapshot;
        this.campaigns = campaigns;
        this.json = json;
        this.time = time;
    }

    /** An app with its live credentials; {@code sdkKey} and {@code adminToken} are set only when just issued. */
    public record AppWithCredentials(App app, List<AppCredential> credentials, String sdkKey, String adminToken) {
    }

    /**
     * A deleted app's erasure: the app (its name and when it was deleted), the erasure's progress in campaign-service,
     * whether the outbox published every event of the app (the revocation the gateways apply among them), and what the
     * other services reported of their own erasure ({@code app.erasures.v1}).
     */
    public record DeletionProgress(App app, AppDeletion deletion, boolean eventsPublished,
            List<AppErasureReport> reports) {
    }

    /** Creates an app with a first SDK key and a first admin token; the secrets are returned once, here. */
    @WithTransaction
    public Uni<AppWithCredentials> create(String name, String principal) {
        Instant now = time.now();
        App app = new App();
        app.id = UUID.randomUUID().toString();
        app.name = name.strip();
        app.createdAt = now;

        String sdkKey = Secrets.newSecret(SDK_KEY_PREFIX);
        String adminToken = Secrets.newSecret(ADMIN_TOKEN_PREFIX);
        AppCredential key = KeySpec.sdkKey("Default SDK key", List.of(SdkScope.READ, SdkScope.TRACK), List.of(), List.of())
                .issue(app.id, sdkKey, now);
        AppCredential token = KeySpec.adminToken("Initial admin token", AdminRole.ADMIN).issue(app.id, adminToken, now);
        List<AppCredential> issued = List.of(key, token);

        AppSettings defaults = AppSettings.of(app.id, WorkspaceSettings.DEFAULTS, now);
        return apps.persist(app)
                .chain(() -> credentials.persist(issued))
                .chain(() -> settings.persist(defaults))
                .chain(() -> snapshot.publish(AppEventType.CREATED, app, now))
                .chain(() -> audit.persist(AppAuditEntry.of(app.id, "created", principal, now, null)))
                .replaceWith(new AppWithCredentials(app, issued, sdkKey, adminToken));
    }

    /** Every app not deleted, oldest first, without credentials: what an operator sees. */
    @WithSession
    public Uni<List<App>> list() {
        return apps.listLive();
    }

    @WithSession
    public Uni<AppWithCredentials> get(String appId) {
        return live(appId).flatMap(app -> credentials.listLive(appId)
                .map(live -> new AppWithCredentials(app, live, null, null)));
    }

    /**
     * Renames the app (the name is stripped, like at creation) and publishes its new state; renaming to the name it
     * has changes nothing. The snapshot is {@code SETTINGS_CHANGED}: see {@link AppEventType} for why not a new type.
     */
    @WithTransaction
    public Uni<AppWithCredentials> rename(String appId, String name, String principal) {
        Instant now = time.now();
        String renamed = name.strip();
        return liveForUpdate(appId).flatMap(app -> {
            if (app.name.equals(renamed)) {
                return Uni.createFrom().item(app);
            }
            ArrayNode changes = json.createArrayNode();
            changes.addObject().put("field", "name").put("before", app.name).put("after", renamed);
            app.name = renamed;
            return snapshot.publish(AppEventType.SETTINGS_CHANGED, app, now)
                    .chain(() -> audit.persist(AppAuditEntry.of(appId, "renamed", principal, now, changes.toString())))
                    .replaceWith(app);
        }).flatMap(app -> credentials.listLive(appId).map(live -> new AppWithCredentials(app, live, null, null)));
    }

    /**
     * Deletes the app, softly and at once: from this commit on every API answers 404 for it, and every credential and
     * identity secret is revoked, published to the gateways in this transaction; its rows are then erased in the
     * background ({@link AppErasure}). Two snapshots: {@code CREDENTIALS_CHANGED} without credentials, which every
     * consumer applies, then {@code DELETED} (see {@link AppEventType}).
     *
     * @return false when the app was already deleted: nothing changes, nothing is audited or published again
     */
    @WithTransaction
    public Uni<Boolean> delete(String appId, String principal) {
        Instant now = time.now();
        return apps.findByIdForUpdate(appId)
                .onItem().ifNull().failWith(() -> new NotFound("app " + appId))
                .flatMap(app -> {
                    if (app.deleted()) {
                        return Uni.createFrom().item(false);
                    }
                    app.deletedAt = now;
                    return credentials.listLive(appId)
                            .invoke(live -> live.forEach(credential -> credential.revokedAt = now))
                            .chain(() -> secrets.listLive(appId))
                            .invoke(live -> live.forEach(secret -> secret.revokedAt = now))
                            .chain(() -> snapshot.publish(AppEventType.CREDENTIALS_CHANGED, app, now))
                            .chain(() -> snapshot.publish(AppEventType.DELETED, app, now))
                            .chain(() -> deletions.persist(AppDeletion.requested(appId, principal, now)))
                            .chain(() -> audit.persist(AppAuditEntry.of(appId, "deleted", principal, now, null)))
                            .replaceWith(true);
                });
    }

    /** The erasure of a deleted app; 404 for an app that does not exist or was not deleted. */
    @WithSession
    public Uni<DeletionProgress> deletion(String appId) {
        return apps.findById(appId)
                .map(app -> app != null && app.deleted() ? app : null)
                .onItem().ifNull().failWith(() -> new NotFound("deletion of app " + appId))
                .flatMap(app -> deletions.findById(appId)
                        .flatMap(deletion -> deletions.unpublishedAppEvents(appId)
                                .flatMap(unpublished -> erasureReports.of(appId).map(reports -> new DeletionProgress(
                                        app, deletion, unpublished == 0, reports)))));
    }

    /** The app's own audit log (created, renamed, deleted), newest first. */
    @WithSession
    public Uni<List<AppAuditEntry>> audit(String appId, long beforeId, int limit) {
        return live(appId).flatMap(app -> audit.page(appId, beforeId, limit));
    }

    @WithSession
    public Uni<AppSettings> settings(String appId) {
        return live(appId).flatMap(app -> settings.findById(appId))
                .onItem().ifNull().failWith(() -> new NotFound("app " + appId));
    }

    /**
     * Replaces the settings and publishes the app's new state, so that delivery applies them. HTML messages cannot be
     * turned off while a campaign of the app uses them: end those first, so nothing stays live that the app refused.
     */
    @WithTransaction
    public Uni<AppSettings> updateSettings(String appId, WorkspaceSettings changed, boolean htmlMessages) {
        Instant now = time.now();
        return liveForUpdate(appId)
                .flatMap(app -> (htmlMessages ? Uni.createFrom().item(0L) : campaigns.countLiveHtml(appId))
                        .flatMap(live -> {
                            if (live > 0) {
                                return Uni.createFrom().failure(new Conflict(live
                                        + " campaign(s) in draft, scheduled, active or paused state use HTML; end them before turning htmlMessages off"));
                            }
                            return settings.findById(appId);
                        })
                        .flatMap(row -> {
                            row.apply(changed, now);
                            row.htmlMessages = htmlMessages;
                            return snapshot.publish(AppEventType.SETTINGS_CHANGED, app, now).replaceWith(row);
                        }));
    }

    private Uni<App> live(String appId) {
        return apps.findLive(appId).onItem().ifNull().failWith(() -> new NotFound("app " + appId));
    }

    /** The app, locked: its snapshots are written one at a time (see {@link AppSnapshot}). */
    private Uni<App> liveForUpdate(String appId) {
        return apps.findLiveForUpdate(appId).onItem().ifNull().failWith(() -> new NotFound("app " + appId));
    }
}
