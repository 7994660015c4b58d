package dev.marquee.campaign.app.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.marquee.campaign.app.App;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppRepository implements PanacheRepositoryBase<App, String> {

    /**
     * The app, its row locked until the transaction ends ({@code SELECT … FOR UPDATE}): every change that publishes an
     * app snapshot loads the app this way, so that the app's snapshots are written one at a time, in version order.
     */
    public Uni<App> findByIdForUpdate(String appId) {
        return findById(appId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The app unless it does not exist or was deleted: null for both, which every API answers 404. */
    public Uni<App> findLive(String appId) {
        return findById(appId).map(AppRepository::live);
    }

    /** {@link #findLive}, locked like {@link #findByIdForUpdate}. */
    public Uni<App> findLiveForUpdate(String appId) {
        return findByIdForUpdate(appId).map(AppRepository::live);
    }

    /**
     * {@link #findLive} with a shared lock ({@code SELECT … FOR SHARE}) until the transaction ends: a change that adds
     * rows to an app (a campaign) cannot commit after a deletion of the app it did not see.
     */
    public Uni<App> findLiveForShare(String appId) {
        return findById(appId, LockModeType.PESSIMISTIC_READ).map(AppRepository::live);
    }

    /** Every app not deleted, oldest first. */
    public Uni<List<App>> listLive() {
        return list("deletedAt is null", Sort.by("createdAt").and("id"));
    }

    private static App live(App app) {
        return app == null || app.deleted() ? null : app;
    }
}
