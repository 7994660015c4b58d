package dev.marquee.gateway.routing.service;

import static dev.marquee.gateway.test.AppEvents.adminToken;
import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.marquee.gateway.config.GatewayConfig;
import dev.marquee.gateway.keys.SecretHash;
import dev.marquee.gateway.keys.service.KeyTable;

class AccessTest {

    private final KeyTable table = new KeyTable();

    AccessTest() {
        table.apply(app("shop", sdkKey("k1", "pk"), adminToken("t1", "at")));
        table.apply(app("blog", adminToken("t2", "blog-at")));
    }

    @Test
    void sdkKeys() {
        Access access = new Access(table, config(Optional.empty()));
        assertEquals(new Verdict.Allowed("shop", "sdk-key:k1"), access.sdk("pk"));
        assertEquals(401, refused(access.sdk(null)));
        assertEquals(401, refused(access.sdk(" ")));
        assertEquals(401, refused(access.sdk("at")), "an admin token is no SDK key");
        assertEquals(401, refused(access.sdk("unknown")));
    }

    @Test
    void adminTokensOpenTheirOwnAppOnly() {
        Access access = new Access(table, config(Optional.empty()));
        assertEquals(new Verdict.Allowed("shop", "admin-token:t1"), access.app("Bearer at", "shop"));
        assertEquals(new Verdict.Allowed("shop", "admin-token:t1"), access.app("bearer  at ", "shop"));
        assertEquals(404, refused(access.app("Bearer blog-at", "shop")));
        assertEquals(401, refused(access.app("Bearer pk", "shop")), "an SDK key is no admin token");
        assertEquals(401, refused(access.app("Bearer unknown", "shop")));
        assertEquals(401, refused(access.app("Basic at", "shop")));
        assertEquals(401, refused(access.app("Bearer ", "shop")));
        assertEquals(401, refused(access.app(null, "shop")));
    }

    @Test
    void theOperatorOpensEveryAppAndTheAppList() {
        Access access = new Access(table, config(Optional.of(SecretHash.sha256Hex("op").toUpperCase())));
        assertEquals(new Verdict.Allowed(null, Access.OPERATOR), access.operator("Bearer op"));
        assertEquals(new Verdict.Allowed("anything", Access.OPERATOR), access.app("Bearer op", "anything"));
        assertEquals(401, refused(access.operator("Bearer po")));
        assertEquals(401, refused(access.operator(null)));
        assertEquals(403, refused(access.operator("Bearer at")), "an admin token is known but not enough");
    }

    @Test
    void withoutAnOperatorHashNobodyIsTheOperator() {
        for (Optional<String> hash : new Optional[]{Optional.empty(), Optional.of("not-hex"), Optional.of("")}) {
            Access access = new Access(table, config(hash));
            assertEquals(401, refused(access.operator("Bearer op")));
            assertEquals(401, refused(access.operator("Bearer not-hex")));
            assertEquals(401, refused(access.app("Bearer op", "shop")));
        }
    }

    private static int refused(Verdict verdict) {
        return ((Verdict.Refused) verdict).status();
    }

    private static GatewayConfig config(Optional<String> operatorHash) {
        return new GatewayConfig() {
            @Override
            public URI campaignUrl() {
                return URI.create("http://127.0.0.1:8081");
            }

            @Override
            public URI segmentUrl() {
                return URI.create("http://127.0.0.1:8082");
            }

            @Override
            public URI deliveryUrl() {
                return URI.create("http://127.0.0.1:8083");
            }

            @Override
            public Duration sdkTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Duration adminTimeout() {
                return Duration.ofSeconds(30);
            }

            @Override
            public Optional<String> operatorTokenSha256() {
                return operatorHash;
            }
        };
    }
}
