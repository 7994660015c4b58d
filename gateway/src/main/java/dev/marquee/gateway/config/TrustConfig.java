package dev.marquee.gateway.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;

/**
 * The keys the gateway signs its assertions with ({@code X-Marquee-Assertion}); the services verify them with the
 * same list. No default outside the dev and test profiles: the gateway does not start without one.
 */
@ConfigMapping(prefix = "marquee.trust")
public interface TrustConfig {

    /** Shared keys (env {@code MARQUEE_TRUST_KEYS}, comma-separated), each at least 32 bytes; the first signs. */
    List<String> keys();
}
