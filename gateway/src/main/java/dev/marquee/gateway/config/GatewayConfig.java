package dev.marquee.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "marquee.gateway")
public interface GatewayConfig {

    /** campaign-service: the app list, the apps themselves, campaigns, settings and keys. */
    @WithDefault("http://127.0.0.1:8081")
    URI campaignUrl();

    /** segment-service: segments, user profiles and server-side events of an app. */
    @WithDefault("http://127.0.0.1:8082")
    URI segmentUrl();

    /** delivery-service: the SDK API ({@code /v1/sdk/**}), and the server-triggered messages and explain of an app. */
    @WithDefault("http://127.0.0.1:8083")
    URI deliveryUrl();

    /** results-service: campaign results ({@code /v1/apps/{appId}/campaigns/{campaignId}/results}). */
    @WithDefault("http://127.0.0.1:8084")
    URI resultsUrl();

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

    /**
     * Token buckets in Redis: one per SDK key and one per user of each SDK key, one per admin token (and one for the
     * operator).
     */
    RateLimits rateLimits();

    /** What the edge accepts of a request's size (RequestLimits); larger requests get 413, 414 or 431. */
    Limits limits();

    interface Limits {

        /** The largest body of every JSON call, SDK and management alike; each service applies the same. */
        @WithDefault("256K")
        MemorySize maxBody();

        /** The largest static segment upload ({@code POST /v1/apps/{appId}/segments/{id}/members}). */
        @WithDefault("200M")
        MemorySize maxUpload();

        /** The longest request target (path and query), in characters. */
        @WithDefault("4096")
        int maxTargetLength();

        /** The most header bytes of one request (names, values and separators). */
        @WithDefault("16K")
        MemorySize maxHeaders();
    }

    interface RateLimits {

        /**
         * Burst of one SDK key. High on purpose: one key serves every user of an app, so this guards the platform
         * against a runaway or abused key, not a single user.
         */
        @WithDefault("2000")
        int sdkCapacity();

        /** Sustained requests per second of one SDK key. */
        @WithDefault("1000")
        double sdkRefillPerSecond();

        /**
         * Burst of one user of one SDK key (the user id the call names, else the client's address), on top of the
         * key's bucket: one client draining its own bucket leaves the other users of the app theirs.
         */
        @WithDefault("60")
        int sdkUserCapacity();

        /** Sustained requests per second of one user of one SDK key. */
        @WithDefault("10")
        double sdkUserRefillPerSecond();

        /** Burst of one admin token (or of the operator). */
        @WithDefault("100")
        int adminCapacity();

        /** Sustained requests per second of one admin token. */
        @WithDefault("20")
        double adminRefillPerSecond();

        /** How long a bucket check may wait for Redis before the gateway falls back to its local buckets. */
        @WithDefault("100ms")
        Duration redisTimeout();
    }

    /** Per upstream: held back after this many failures in a row, for this long. */
    CircuitBreakerConfig circuitBreaker();

    interface CircuitBreakerConfig {

        @WithDefault("5")
        int failureThreshold();

        @WithDefault("5s")
        Duration openFor();
    }
}
