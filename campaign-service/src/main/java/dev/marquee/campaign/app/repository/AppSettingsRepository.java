package dev.marquee.campaign.app.repository;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.campaign.app.AppSettings;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;

@ApplicationScoped
public class AppSettingsRepository implements PanacheRepositoryBase<AppSettings, String> {
}
