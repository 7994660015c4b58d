package dev.marquee.campaign.app.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.App;
import dev.marquee.campaign.app.AppCredential;
import dev.marquee.campaign.app.AppSettings;
import dev.marquee.campaign.app.repository.AppCredentialRepository;
import dev.marquee.campaign.app.repository.AppRepository;
import dev.marquee.campaign.app.repository.AppSettingsRepository;
import dev.marquee.campaign.campaign.repository.CampaignRepository;
import dev.marquee.campaign.rest.ConflictException;
import dev.marquee.campaign.rest.NotFoundException;
import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.AppEventType;
import dev.marquee.contracts.app.SdkScope;
import dev.marquee.contracts.app.WorkspaceSettings;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppService {

    static final String SDK_KEY_PREFIX = "mq_pk_";
    static final String ADMIN_TOKEN_PREFIX = "mq_at_";

    private final AppRepository apps;
    private final AppCredentialRepository credentials;
    private final AppSettingsRepository settings;
    private final AppSnapshot snapshot;
    private final CampaignRepository campaigns;

    public AppService(AppRepository apps, AppCredentialRepository credentials, AppSettingsRepository settings,
            AppSnapshot snapshot,
            CampaignRepository campaigns) {
        this.apps = apps;
        this.credentials = credentials;
        this.settings = settings;
        this.snapshot = snapshot;
        this.campaigns = campaigns;
    }

    /** An app with its live credentials; {@code sdkKey} and {@code adminToken} are set only when just issued. */
    public record AppWithCredentials(App app, List<AppCredential> credentials, String sdkKey, String adminToken) {
    }

    /** Creates an app with a first SDK key and a first admin token; the secrets are returned once, here. */
    @WithTransaction
    public Uni<AppWithCredentials> create(String name) {
        Instant now = Instant.now();
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
                .replaceWith(new AppWithCredentials(app, issued, sdkKey, adminToken));
    }

    /** Every app, oldest first, without credentials: what an operator sees. */
    @WithSession
    public Uni<List<App>> list() {
        return apps.listAll(Sort.by("createdAt").and("id"));
    }

    @WithSession
    public Uni<AppWithCredentials> get(String appId) {
        return apps.findById(appId)
                .onItem().ifNull().failWith(() -> new NotFoundException("app " + appId))
                .flatMap(app -> credentials.listLive(appId)
                        .map(live -> new AppWithCredentials(app, live, null, null)));
    }

    @WithSession
    public Uni<AppSettings> settings(String appId) {
        return settings.findById(appId)
                .onItem().ifNull().failWith(() -> new NotFoundException("app " + appId));
    }

    /**
     * Replaces the settings and publishes the app's new state, so that delivery applies them. HTML messages cannot be
     * turned off while a campaign of the app uses them: end those first, so nothing stays live that the app refused.
     */
    @WithTransaction
    public Uni<AppSettings> updateSettings(String appId, WorkspaceSettings changed, boolean htmlMessages) {
        Instant now = Instant.now();
        return apps.findByIdForUpdate(appId)
                .onItem().ifNull().failWith(() -> new NotFoundException("app " + appId))
                .flatMap(app -> (htmlMessages ? Uni.createFrom().item(0L) : campaigns.countLiveHtml(appId))
                        .flatMap(live -> {
                            if (live > 0) {
                                return Uni.createFrom().failure(new ConflictException(live
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
}
