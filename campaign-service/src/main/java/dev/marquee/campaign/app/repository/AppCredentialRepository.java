package dev.marquee.campaign.app.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.AppCredential;
import dev.marquee.campaign.config.TimeSource;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppCredentialRepository implements PanacheRepositoryBase<AppCredential, String> {

    private final TimeSource time;

    public AppCredentialRepository(TimeSource time) {
        this.time = time;
    }

    /** Neither revoked nor past the end of a rotation's overlap. */
    public Uni<List<AppCredential>> listLive(String appId) {
        return list("appId = ?1 and revokedAt is null and (expiresAt is null or expiresAt > ?2) order by createdAt, id",
                appId, time.now());
    }
}
