package dev.marquee.campaign.app.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;

/** Runs the background erasure of deleted apps: at each tick, batches until none is left or one fails. */
@ApplicationScoped
public class ErasureClock {

    private static final Logger LOG = Logger.getLogger(ErasureClock.class);
    static final int BATCH = 100;
    /** Batches per tick at most, so that one tick ends in reasonable time; the next goes on. */
    private static final int PASSES = 50;

    private final AppErasure erasure;

    public ErasureClock(AppErasure erasure) {
        this.erasure = erasure;
    }

    @Scheduled(every = "${marquee.campaign.erasure-check-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return pass(PASSES)
                .onFailure().invoke(e -> LOG.warnf("app erasure: %s (retried at the next tick)", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> pass(int left) {
        if (left == 0) {
            return Uni.createFrom().voidItem();
        }
        return erasure.eraseNext(BATCH).flatMap(erased -> erased ? pass(left - 1) : Uni.createFrom().voidItem());
    }
}
