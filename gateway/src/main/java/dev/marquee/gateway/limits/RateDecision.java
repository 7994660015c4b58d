package dev.marquee.gateway.limits;

/**
 * The outcome of taking one token: whether the request may pass, how many tokens are left, when the next one is back
 * (for {@code Retry-After}) and when the bucket is full again (for {@code RateLimit-Reset}). {@code local}: Redis did
 * not answer and this instance decided alone.
 */
public record RateDecision(boolean allowed, int limit, long remaining, long retryAfterMillis, long resetMillis,
        boolean local) {
}
