package dev.marquee.delivery.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "marquee.delivery")
public interface DeliveryConfig {

    CatchUp catchUp();

    /** How long a decision waits for Redis before it answers degraded (untargeted messages only, no caps). */
    @WithDefault("500ms")
    Duration redisTimeout();

    /** How stale the in-memory copy of an app's built segments may get before it is read again from Redis. */
    @WithDefault("1s")
    Duration readySegmentsRefresh();

    /** How far in the future a client clock may put an event before the event is refused. */
    @WithDefault("5m")
    Duration maxFutureSkew();

    /** How long impressions are kept for rolling caps and conversion attribution (longest rolling window: 1 year). */
    @WithDefault("366d")
    Duration impressionRetention();

    /**
     * How long a user's lifetime counts and last-shown times live after the user's last impression: longer than the
     * longest re-eligibility (720 days), so a user shown nothing for this long starts over on lifetime caps.
     */
    @WithDefault("731d")
    Duration counterRetention();

    /** How long a session's counters live after its last impression. */
    @WithDefault("24h")
    Duration sessionTtl();

    Stream stream();

    Send send();

    interface Send {

        /**
         * The most bytes one {@code messages/send} may copy into outboxes in all (message size times users); more
         * is refused with 413.
         */
        @WithDefault("8388608")
        long maxTotalBytes();

        /**
         * How long a send of a campaign this instance does not know as active (or, for test users, at all) waits for
         * its event: a send right after {@code activate} succeeds; a send of an unknown campaign is refused after it.
         */
        @WithDefault("3s")
        Duration campaignWait();
    }

    interface Stream {

        /** How often an open stream gets a heartbeat comment, so proxies keep it open and the SDK sees it alive. */
        @WithDefault("15s")
        Duration heartbeat();

        /** How long a server-triggered message waits for the user's next connection by default. */
        @WithDefault("24h")
        Duration defaultTtl();
    }

    interface CatchUp {

        /** How long to wait before asking Kafka again for the end of the campaign topic when it did not answer. */
        @WithDefault("1s")
        Duration retry();
    }
}
