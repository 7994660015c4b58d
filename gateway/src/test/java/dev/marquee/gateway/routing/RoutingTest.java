package dev.marquee.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.marquee.gateway.edge.RequestIds;

/** Plain values the routes rely on: request ids and upstream addresses. */
class RoutingTest {

    @Test
    void aSaneRequestIdIsKeptAnythingElseReplaced() {
        assertEquals("abc-DEF_1.2", RequestIds.accept("abc-DEF_1.2"));
        assertEquals("a".repeat(128), RequestIds.accept("a".repeat(128)));
        for (String insane : new String[]{null, "", "a".repeat(129), "a b", "a\nb", "<x>", "é"}) {
            String id = RequestIds.accept(insane);
            assertNotEquals(insane, id);
            assertEquals(36, id.length());
        }
    }

    @Test
    void upstreamUrls() {
        Duration timeout = Duration.ofSeconds(1);
        assertEquals(new Upstream("campaign", "127.0.0.1", 8081, false, "", timeout),
                Upstream.of("campaign", URI.create("http://127.0.0.1:8081"), timeout));
        assertEquals(new Upstream("campaign", "campaign", 443, true, "/base", timeout),
                Upstream.of("campaign", URI.create("https://campaign/base/"), timeout));
        assertEquals(80, Upstream.of("x", URI.create("http://x"), timeout).port());
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("x", URI.create("ftp://x"), timeout));
        assertThrows(IllegalArgumentException.class, () -> Upstream.of("x", URI.create("/relative"), timeout));
    }
}
