package dev.marquee.campaign.app.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import dev.marquee.campaign.app.App;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
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
}
