package dev.marquee.campaign.app.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.App;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AppRepository implements PanacheRepositoryBase<App, String> {
}
