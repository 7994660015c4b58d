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
    }
}
