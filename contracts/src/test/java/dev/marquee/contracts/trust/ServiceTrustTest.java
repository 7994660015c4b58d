package dev.marquee.contracts.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServiceTrustTest {

    private static final String KEY = "marquee-test-trust-key-only-for-tests-0001";
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-04T21:00:00Z"), ZoneOffset.UTC);
    private static final ServiceTrust TRUST = new ServiceTrust(List.of(KEY), NOW);
    private static final String TARGET = "/v1/apps/a1/segments?limit=5";

    private static Map<String, String> signedHeaders(String appId, String role) {
        Map<String, String> headers = new HashMap<>();
        headers.put(AssertedRequest.APP_ID_HEADER, appId);
        headers.put(AssertedRequest.ROLE_HEADER, role);
        headers.put(GatewayAssertion.HEADER, new GatewayAssertion(List.of(KEY), NOW)
                .sign(new AssertedRequest("GET", TARGET, appId, null, role, null)));
        return headers;
    }

    @Test
    void whatTheGatewaySignedIsAdmitted() {
        Map<String, String> headers = signedHeaders("a1", "VIEWER");
        assertTrue(TRUST.admits("GET", "/v1/apps/a1/segments", TARGET, headers::get));
    }

    @Test
    void anIdentityHeaderChangedAfterSigningIsNot() {
        Map<String, String> headers = signedHeaders("a1", "VIEWER");
        headers.put(AssertedRequest.ROLE_HEADER, "ADMIN");
        assertFalse(TRUST.admits("GET", "/v1/apps/a1/segments", TARGET, headers::get));
        Map<String, String> added = signedHeaders("a1", "VIEWER");
        added.put(AssertedRequest.PRINCIPAL_HEADER, "operator");
        assertFalse(TRUST.admits("GET", "/v1/apps/a1/segments", TARGET, added::get));
    }

    @Test
    void anotherTargetOrMethodOrNoAssertionIsNot() {
        Map<String, String> headers = signedHeaders("a1", "VIEWER");
        assertFalse(TRUST.admits("GET", "/v1/apps/a1/segments", "/v1/apps/a1/segments?limit=6", headers::get));
        assertFalse(TRUST.admits("DELETE", "/v1/apps/a1/segments", TARGET, headers::get));
        assertFalse(TRUST.admits("GET", "/v1/apps/a1/segments", TARGET, name -> null));
    }

    @Test
    void probesAndMetricsNeedNothing() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics")) {
            assertTrue(TRUST.admits("GET", path, path, name -> null), path);
        }
        assertFalse(TRUST.admits("GET", "/q/healthz", "/q/healthz", name -> null));
        assertFalse(TRUST.admits("GET", "/q/metrics/extra", "/q/metrics/extra", name -> null));
    }
}
