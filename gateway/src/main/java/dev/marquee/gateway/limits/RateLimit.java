package dev.marquee.gateway.limits;

/** A token bucket's shape: at most {@code capacity} requests at once, refilled by {@code refillPerSecond}. */
public record RateLimit(int capacity, double refillPerSecond) {
}
