package dev.marquee.delivery.campaign.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import dev.marquee.delivery.campaign.service.CampaignIndexReadiness;

/** DOWN until the in-memory index holds every campaign event that existed when the service started. */
@Readiness
@ApplicationScoped
public class CampaignIndexHealthCheck implements HealthCheck {

    private final CampaignIndexReadiness readiness;

    public CampaignIndexHealthCheck(CampaignIndexReadiness readiness) {
        this.readiness = readiness;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("campaign-index").status(readiness.isCaughtUp()).build();
    }
}
