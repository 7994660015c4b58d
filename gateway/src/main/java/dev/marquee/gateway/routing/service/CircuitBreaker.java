package dev.marquee.gateway.routing.service;

import java.time.Clock;
import java.time.Duration;

/**
 * One upstream's breaker: after {@code threshold} failures in a row (unreachable, timed out, broken answer) it opens
 * and calls answer 503 at once for {@code openFor}, instead of each waiting for its own timeout against a service that
 * is down; then one trial call is let through (half-open), and its success closes the breaker again.
 */
public final class CircuitBreaker {

    private final int threshold;
    private final long openForMillis;
    private final Clock clock;

    private int failures;
    private long openUntil;
    private boolean trialInFlight;

    public CircuitBreaker(int threshold, Duration openFor, Clock clock) {
        this.threshold = threshold;
        this.openForMillis = openFor.toMillis();
        this.clock = clock;
    }

    /** Whether a call may go to the upstream now; while half-open only one may, until it reports. */
    public synchronized boolean allows() {
        if (failures < threshold) {
            return true;
        }
        if (clock.millis() < openUntil || trialInFlight) {
            return false;
        }
        trialInFlight = true;
        return true;
    }

    public synchronized void succeeded() {
        failures = 0;
        trialInFlight = false;
    }

    /**
     * The caller went away before the upstream answered (a closed tab, a phone losing its network): that says nothing
     * of the upstream, so nothing is counted; a half-open trial slot is freed for the next call.
     */
    public synchronized void abandoned() {
        trialInFlight = false;
    }

    public synchronized void failed() {
        trialInFlight = false;
        failures++;
        if (failures >= threshold) {
            openUntil = clock.millis() + openForMillis;
        }
    }

    /** Seconds until a trial call will be let through (at least 1), for {@code Retry-After}. */
    public synchronized long retryAfterSeconds() {
        return Math.max(1, (openUntil - clock.millis() + 999) / 1000);
    }
}
