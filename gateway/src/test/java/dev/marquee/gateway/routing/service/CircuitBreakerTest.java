package dev.marquee.gateway.routing.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private Instant now = Instant.parse("2026-11-23T12:00:00Z");

    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    @Test
    void opensAfterTheThresholdAndTriesOnceAfterTheWait() {
        CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(5), clock);
        breaker.failed();
        breaker.failed();
        assertTrue(breaker.allows(), "two failures are not yet an outage");
        breaker.failed();
        assertFalse(breaker.allows());
        assertEquals(5, breaker.retryAfterSeconds());

        now = now.plusSeconds(5);
        assertTrue(breaker.allows(), "one trial after the wait");
        assertFalse(breaker.allows(), "and only one while it runs");
        breaker.failed();
        assertFalse(breaker.allows(), "a failed trial opens it again");

        now = now.plusSeconds(5);
        assertTrue(breaker.allows());
        breaker.succeeded();
        assertTrue(breaker.allows());
        assertTrue(breaker.allows(), "a successful trial closes it");
    }

    @Test
    void aSuccessResetsTheCount() {
        CircuitBreaker breaker = new CircuitBreaker(2, Duration.ofSeconds(5), clock);
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        assertTrue(breaker.allows());
    }
}
