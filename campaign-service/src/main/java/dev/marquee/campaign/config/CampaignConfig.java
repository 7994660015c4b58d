package dev.marquee.campaign.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "marquee.campaign")
public interface CampaignConfig {

    Outbox outbox();

    /** How often the schedule clock starts scheduled campaigns and ends those past their end (read by its @Scheduled). */
    @WithDefault("1s")
    Duration scheduleCheckInterval();

    /** How often the erasure of deleted apps looks for work (read by its @Scheduled). */
    @WithDefault("1s")
    Duration erasureCheckInterval();

    interface Outbox {

        /** How often the relay looks for unpublished events. */
        @WithDefault("200ms")
        Duration pollInterval();

        /** How many events one relay pass publishes at most. */
        @WithDefault("100")
        int batchSize();

        /**
         * How many passes may fail on an event for its own reason (Kafka refuses the record itself: too large, not
         * serializable; never an outage) before it is moved to {@code outbox_dead_letter} and the events after it go on.
         */
        @WithDefault("5")
        int maxAttempts();
    }
}
