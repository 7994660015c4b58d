package dev.marquee.campaign.app.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.AppCredential;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;

@ApplicationScoped
public class AppCredentialRepository implements PanacheRepositoryBase<AppCredential, String> {

    public Uni<List<AppCredential>> listLive(String appId) {
        return list("appId = ?1 and revokedAt is null order by createdAt", appId);
    }
}
