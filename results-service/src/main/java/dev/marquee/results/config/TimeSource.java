package dev.marquee.results.config;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's clock, and the only class of it that reads the system's: a report's default range ("the last 30
 * days"), a campaign definition without a time, and the gateway assertion's freshness come from here, so a test can
 * replace this bean with one it moves forward. {@code ArchitectureTest} fails when another main class reads the
 * system clock.
 */
@ApplicationScoped
public class TimeSource {

    public Instant now() {
        return Instant.now();
    }

    /** This time source as a {@link Clock} (UTC), for library code that takes one. */
    public Clock clock() {
        return new Clock() {

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("the service's clock is UTC");
            }

            @Override
            public Instant instant() {
                return now();
            }
        };
    }
}
