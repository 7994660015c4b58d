package dev.marquee.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "marquee.gateway")
public interface GatewayConfig {

    /** campaign-service: the management API ({@code /v1/apps/**}). */
    @WithDefault("http://127.0.0.1:8081")
    URI campaignUrl();

    /**
     * segment-service. Not routed to yet (its management API arrives with a later issue); declared so that deployments
     * and the local launcher can already set it.
     */
    @WithDefault("http://127.0.0.1:8082")
    URI segmentUrl();

    /** delivery-service: the SDK API ({@code /v1/sdk/**}). */
    @WithDefault("http://127.0.0.1:8083")
    URI deliveryUrl();

    /** How long an SDK call may wait for the upstream to connect and to answer before a 504. */
    @WithDefault("5s")
    Duration sdkTimeout();

    /** How long a management call may wait for the upstream to connect and to answer before a 504. */
    @WithDefault("30s")
    Duration adminTimeout();

    /**
     * Lowercase hex SHA-256 of the operator's bearer token, the only credential that may list and create apps.
     * Unset: nobody can (the operator routes answer 401).
     */
    Optional<String> operatorTokenSha256();
}
