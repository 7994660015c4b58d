package dev.marquee.campaign.campaign.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.campaign.config.TimeSource;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/**
 * Starts and ends campaigns on their schedule. Several instances may tick at once: a campaign changed by two of them
 * collides on its version and one transaction rolls back, so each change is committed once.
 */
@ApplicationScoped
public class ScheduleClock {

    private static final Logger LOG = Logger.getLogger(ScheduleClock.class);
    private static final int BATCH = 100;

    private final CampaignService campaigns;
    private final TimeSource time;

    public ScheduleClock(CampaignService campaigns, TimeSource time) {
        this.campaigns = campaigns;
        this.time = time;
    }

    @Scheduled(every = "${marquee.campaign.schedule-check-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return campaigns.advanceSchedules(time.now(), BATCH)
                .onFailure().invoke(e -> LOG.warnf("schedule clock: %s (retried at the next tick)", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
