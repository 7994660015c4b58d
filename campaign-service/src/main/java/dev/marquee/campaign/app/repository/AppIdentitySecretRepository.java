package dev.marquee.campaign.app.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.AppIdentitySecret;
import dev.marquee.campaign.config.TimeSource;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppIdentitySecretRepository implements PanacheRepositoryBase<AppIdentitySecret, String> {

    private final TimeSource time;

    public AppIdentitySecretRepository(TimeSource time) {
        this.time = time;
    }

    /** Neither removed nor past the end of a replacement's overlap. */
    public Uni<List<AppIdentitySecret>> listLive(String appId) {
        return list("appId = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2) order by createdAt, id",
                appId, time.now());
    }
}
