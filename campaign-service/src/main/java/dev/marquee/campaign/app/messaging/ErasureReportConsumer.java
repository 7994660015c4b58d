package dev.marquee.campaign.app.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.marquee.campaign.app.repository.ErasureReportRepository;
import dev.marquee.contracts.app.AppErasureReport;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;

/**
 * Keeps the services' erasure reports ({@code app.erasures.v1}) for the deletion progress of an app. Applying one is
 * idempotent (the newest per service wins), so a redelivery or a replay changes nothing.
 */
@ApplicationScoped
public class ErasureReportConsumer {

    private final ErasureReportRepository reports;

    public ErasureReportConsumer(ErasureReportRepository reports) {
        this.reports = reports;
    }

    @Incoming("app-erasures")
    @WithTransaction
    public Uni<Void> apply(AppErasureReport report) {
        if (report == null || report.appId() == null || report.service() == null || report.state() == null
                || report.occurredAt() == null) {
            // unreadable (the deserializer answers null) or incomplete: nothing to show of it
            return Uni.createFrom().voidItem();
        }
        return reports.apply(report);
    }
}
