package dev.marquee.sdk.queue;

import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter, as the web SDK's: the n-th wait is drawn in [d/2, d] where d = min(cap, base ×
 * 2^n), so that many devices coming back after an outage do not retry in step.
 */
public final class Backoff {
    private final long baseMs;
    private final long capMs;
    private final DoubleSupplier random;
    private int attempt;

    public Backoff(long baseMs, long capMs, DoubleSupplier random) {
        this.baseMs = baseMs;
        this.capMs = capMs;
        this.random = random;
    }

    /** The wait before the next attempt; each call doubles the following one up to the cap. */
    public long next() {
        double ceiling = Math.min(capMs, baseMs * Math.pow(2, attempt));
        attempt = Math.min(attempt + 1, 30);
        return Math.round(ceiling / 2 + ceiling / 2 * random.getAsDouble());
    }

    public void reset() {
        attempt = 0;
    }
}
