package dev.marquee.contracts.trust;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

class GatewayAssertionTest {

    private static final String KEY = "marquee-test-trust-key-only-for-tests-0001";
    private static final String OTHER_KEY = "another-trust-key-that-is-long-enough-0002";
    private static final Instant NOW = Instant.parse("2026-12-03T17:00:00Z");
    private static final AssertedRequest REQUEST = new AssertedRequest("POST", "/v1/apps/a1/campaigns?x=1", null,
            "token:t1", "ADMIN", null);

    private static GatewayAssertion at(Instant instant, String... keys) {
        return new GatewayAssertion(List.of(keys), Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void a_fresh_signature_over_the_same_request_verifies() {
        String header = at(NOW, KEY).sign(REQUEST);
        assertTrue(header.startsWith("v1." + NOW.getEpochSecond() + "." + (NOW.getEpochSecond() + 60) + "."));
        assertTrue(at(NOW.plusSeconds(30), KEY).verify(header, REQUEST));
    }

    @Test
    void any_changed_value_breaks_it() {
        String header = at(NOW, KEY).sign(REQUEST);
        GatewayAssertion verifier = at(NOW, KEY);
        assertFalse(verifier.verify(header, new AssertedRequest("GET", REQUEST.target(), null, "token:t1", "ADMIN",
                null)));
        assertFalse(verifier.verify(header, new AssertedRequest("POST", "/v1/apps/a2/campaigns?x=1", null,
                "token:t1", "ADMIN", null)));
        assertFalse(verifier.verify(header, new AssertedRequest("POST", REQUEST.target(), null, "token:t1", "OWNER",
                null)));
        assertFalse(verifier.verify(header, new AssertedRequest("POST", REQUEST.target(), "a1", "token:t1", "ADMIN",
                null)));
        assertFalse(verifier.verify(header, new AssertedRequest("POST", REQUEST.target(), null, "token:t1", "ADMIN",
                "alice")));
        assertFalse(verifier.verify(header.replace(".v", ".w").substring(0, header.length() - 2) + "AA", REQUEST));
    }

    @Test
    void an_expired_or_future_or_stretched_one_is_refused() {
        String header = at(NOW, KEY).sign(REQUEST);
        assertTrue(at(NOW.plusSeconds(64), KEY).verify(header, REQUEST), "within the skew");
        assertFalse(at(NOW.plusSeconds(66), KEY).verify(header, REQUEST));
        assertFalse(at(NOW.minusSeconds(6), KEY).verify(header, REQUEST));
        String[] parts = header.split("\\.");
        String stretched = parts[0] + "." + parts[1] + "." + (Long.parseLong(parts[2]) + 3600) + "." + parts[3];
        assertFalse(at(NOW.plusSeconds(120), KEY).verify(stretched, REQUEST));
    }

    @Test
    void a_signature_under_another_key_or_garbage_is_refused() {
        assertFalse(at(NOW, KEY).verify(at(NOW, OTHER_KEY).sign(REQUEST), REQUEST));
        assertFalse(at(NOW, KEY).verify(null, REQUEST));
        assertFalse(at(NOW, KEY).verify("v1.x.y.z", REQUEST));
        assertFalse(at(NOW, KEY).verify("v2.1.2.abc", REQUEST));
    }

    @Test
    void every_key_verifies_and_the_first_signs() {
        String byOld = at(NOW, KEY).sign(REQUEST);
        assertTrue(at(NOW, OTHER_KEY, KEY).verify(byOld, REQUEST));
        assertFalse(at(NOW, KEY).verify(at(NOW, OTHER_KEY, KEY).sign(REQUEST), REQUEST));
    }

    @Test
    void a_short_or_missing_key_is_refused() {
        assertThrows(IllegalArgumentException.class, () -> at(NOW, "too-short"));
        assertThrows(IllegalArgumentException.class, () -> new GatewayAssertion(List.of(), Clock.systemUTC()));
    }
}
