package dev.marquee.gateway.keys.health;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import dev.marquee.gateway.keys.service.KeyTable;
import dev.marquee.gateway.keys.service.KeyTableLoad;

/** Ready once the key table holds everything {@code app.events.v1} had at start; never depends on Kafka after. */
@Readiness
@ApplicationScoped
public class KeyTableReadiness implements HealthCheck {

    private final KeyTable table;
    private final KeyTableLoad load;

    public KeyTableReadiness(KeyTable table, KeyTableLoad load) {
        this.table = table;
        this.load = load;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("key-table")
                .status(load.loaded())
                .withData("credentials", table.size());
        load.progress().forEach(response::withData);
        return response.build();
    }
}
