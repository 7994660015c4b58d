package dev.marquee.results.config;

import java.util.List;

import io.smallrye.config.ConfigMapping;

/**
 * The keys of the gateway's assertions ({@code X-Marquee-Assertion}), the same list the gateway signs with. No
 * default outside the dev and test profiles: the service does not start without one.
 */
@ConfigMapping(prefix = "marquee.trust")
public interface TrustConfig {

    /** Shared keys (env {@code MARQUEE_TRUST_KEYS}, comma-separated), each at least 32 bytes; all verify. */
    List<String> keys();
}
