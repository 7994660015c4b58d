package dev.marquee.campaign.app.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.AppDeletion;
import dev.marquee.campaign.app.repository.AppCredentialRepository;
import dev.marquee.campaign.app.repository.AppDeletionRepository;
import dev.marquee.campaign.app.repository.AppIdentitySecretRepository;
import dev.marquee.campaign.app.repository.AppSettingsRepository;
import dev.marquee.campaign.config.TimeSource;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Erases deleted apps' rows, one batch of campaigns per transaction, so that an app with many campaigns neither holds
 * locks long nor loses what was done when an instance stops: each committed batch is recorded in its
 * {@link AppDeletion}. Once no campaign is left, the app's credentials, identity secrets and settings go, and the
 * deletion is {@code DONE}. What stays: the app's row (deleted, for the 404s and the deletion's progress) and its own
 * audit entries (who created, renamed and deleted it).
 */
@ApplicationScoped
public class AppErasure {

    private final AppDeletionRepository deletions;
    private final AppCampaigns campaigns;
    private final AppCredentialRepository credentials;
    private final AppIdentitySecretRepository secrets;
    private final AppSettingsRepository settings;
    private final TimeSource time;

    public AppErasure(AppDeletionRepository deletions, AppCampaigns campaigns, AppCredentialRepository credentials,
            AppIdentitySecretRepository secrets, AppSettingsRepository settings, TimeSource time) {
        this.deletions = deletions;
        this.campaigns = campaigns;
        this.credentials = credentials;
        this.secrets = secrets;
        this.settings = settings;
        this.time = time;
    }

    /**
     * Erases one batch of the oldest unfinished deletion.
     *
     * @return false when no deletion is left to erase (or every one is being erased by another instance)
     */
    @WithTransaction
    public Uni<Boolean> eraseNext(int batch) {
        return deletions.nextUnfinished().flatMap(deletion -> deletion == null
                ? Uni.createFrom().item(false)
                : erase(deletion, batch).replaceWith(true));
    }

    private Uni<Void> erase(AppDeletion deletion, int batch) {
        Instant now = time.now();
        if (deletion.state == AppDeletion.State.PENDING) {
            deletion.state = AppDeletion.State.ERASING;
            deletion.startedAt = now;
        }
        return campaigns.eraseSome(deletion.appId, batch).flatMap(erased -> {
            deletion.erasedCampaigns += erased.campaigns();
            deletion.erasedVersions += erased.versions();
            deletion.erasedAuditEntries += erased.auditEntries();
            if (erased.campaigns() == batch) {
                return Uni.createFrom().voidItem(); // maybe more: the next pass goes on
            }
            String appId = deletion.appId;
            return secrets.delete("appId", appId).invoke(n -> deletion.erasedIdentitySecrets += n)
                    .chain(() -> credentials.delete("appId", appId)).invoke(n -> deletion.erasedCredentials += n)
                    .chain(() -> settings.delete("appId", appId)).invoke(n -> deletion.erasedSettings += n)
                    .invoke(() -> {
                        deletion.state = AppDeletion.State.DONE;
                        deletion.finishedAt = time.now();
                    })
                    .replaceWithVoid();
        });
    }
}
