package dev.marquee.delivery.campaign.service;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CampaignIndexReadinessTest {

    private final CampaignIndexReadiness readiness = new CampaignIndexReadiness("127.0.0.1:1",
            Duration.ofSeconds(1));

    @Test
    void notReadyBeforeTheEndOfTheTopicIsKnown() {
        readiness.processed(0, 10);
        assertFalse(readiness.isCaughtUp());
    }

    @Test
    void readyOnceEveryPartitionReachedItsEndOffset() {
        readiness.catchUpTo(Map.of(0, 3L, 1, 1L));
        readiness.processed(0, 2);
        assertFalse(readiness.isCaughtUp(), "partition 1 is behind");
        readiness.processed(1, 0);
        assertTrue(readiness.isCaughtUp());
    }

    @Test
    void anEmptyTopicIsCaughtUpAtOnce() {
        readiness.catchUpTo(Map.of(0, 0L));
        assertTrue(readiness.isCaughtUp());
    }

}
