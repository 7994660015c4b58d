package dev.marquee.segment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "marquee.segment")
public interface SegmentConfig {

    /** How many days of per-event day counters a profile keeps; the longest behavioural window a rule may use. */
    @WithDefault("90")
    int counterRetentionDays();

    /** How far in the future an event's {@code occurredAt} may be (client clocks drift) before it is rejected. */
    @WithDefault("5m")
    Duration maxFutureSkew();

    /** How often definitions are re-read from PostgreSQL (changes made by another instance) and lost builds redone. */
    @WithDefault("2s")
    Duration catalogRefresh();

    /**
     * How often every segment is announced again on {@code segment.definitions.v1}, making good a publication lost
     * after a commit (read by the scheduler as {@code marquee.segment.definitions-republish}).
     */
    Duration definitionsRepublish();

    /** How long an event id is remembered for de-duplication. */
    @WithDefault("7d")
    Duration dedupWindow();

    /** How a deleted app's data is erased (see the README, "Deleted apps"). */
    AppErasure appErasure();

    interface AppErasure {

        /**
         * How long after a deletion is recorded its erasure starts: longer than {@link #catalogRefresh()}, so that every
         * instance has stopped applying the app's events by then.
         */
        @WithDefault("5s")
        Duration grace();

        /** How long an instance holds an erasure it started before another may take it over (it crashed). */
        @WithDefault("60s")
        Duration lease();
    }

    /** What happens to a user event that keeps failing (not an outage: those are waited out). */
    DeadLetter deadLetter();

    interface DeadLetter {

        /** How often an event is applied alone, failing for its own reason each time, before it is dead-lettered. */
        @WithDefault("5")
        int maxAttempts();

        /** The pause after the first failed attempt alone; doubled after each further one. */
        @WithDefault("100ms")
        Duration backOff();
    }
}
