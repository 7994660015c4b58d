package dev.marquee.gateway.routing.service;

import static dev.marquee.gateway.test.AppEvents.adminToken;
import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.AppEventType;
import dev.marquee.contracts.app.IdentitySecret;
import dev.marquee.contracts.app.SdkScope;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.gateway.keys.SecretHash;
import dev.marquee.gateway.keys.UserSignature;
import dev.marquee.gateway.keys.service.KeyTable;

class AccessTest {

    private static final Instant NOW = Instant.parse("2026-11-23T12:00:00Z");

    private final KeyTable table = new KeyTable();

    AccessTest() {
        table.apply(app("shop", sdkKey("k1", "pk"), adminToken("t1", "at"), adminToken("t3", "editor", AdminRole.EDITOR),
                adminToken("t4", "viewer", AdminRole.VIEWER),
                sdkKey("k2", "read-only", List.of(SdkScope.READ), List.of(), List.of(), null),
                sdkKey("k6", "debug", List.of(SdkScope.READ, SdkScope.TRACK, SdkScope.DEBUG), List.of(), List.of(), null),
                sdkKey("k3", "web", List.of(SdkScope.READ, SdkScope.TRACK), List.of("https://shop.example"), List.of(), null),
                sdkKey("k4", "ios", List.of(SdkScope.READ), List.of(), List.of("com.example.shop"), null),
                sdkKey("k5", "rotated", List.of(SdkScope.READ), List.of(), List.of(), NOW.plusSeconds(1))));
        table.apply(app("blog", adminToken("t2", "blog-at")));
    }

    @Test
    void sdkKeys() {
        Access access = access(Optional.empty(), NOW);
        Verdict.Allowed allowed = (Verdict.Allowed) access.sdk(call("pk", true, null, null));
        assertEquals("shop", allowed.appId());
        assertEquals("sdk-key:k1", allowed.principal());
        assertEquals(401, refused(access.sdk(call(null, true, null, null))));
        assertEquals(401, refused(access.sdk(call(" ", true, null, null))));
        assertEquals(401, refused(access.sdk(call("at", true, null, null))), "an admin token is no SDK key");
        assertEquals(401, refused(access.sdk(call("unknown", true, null, null))));
    }

    @Test
    void sdkScopesAndBindings() {
        Access access = access(Optional.empty(), NOW);
        assertEquals(200, status(access.sdk(call("read-only", true, null, null))));
        assertEquals(403, refused(access.sdk(call("read-only", false, null, null))), "tracking needs the track scope");
        assertEquals(403, refused(access.sdk(new SdkRequest("pk", SdkScope.DEBUG, null, null, null, null, List.of()))),
                "explanations need the debug scope");
        assertEquals(200, status(access.sdk(new SdkRequest("debug", SdkScope.DEBUG, null, null, null, null, List.of()))));

        assertEquals(200, status(access.sdk(call("web", false, "https://shop.example", null))));
        assertEquals(403, refused(access.sdk(call("web", true, "https://evil.example", null))));
        assertEquals(403, refused(access.sdk(call("web", true, null, null))), "a bound key must show where it runs");
        assertEquals(403, refused(access.sdk(call("web", true, null, "com.example.shop"))), "a web key is not a mobile key");

        assertEquals(200, status(access.sdk(call("ios", true, null, "com.example.shop"))));
        assertEquals(403, refused(access.sdk(call("ios", true, null, "com.other"))));
        assertEquals(403, refused(access.sdk(call("ios", true, "https://shop.example", "com.example.shop"))));
        assertEquals(200, status(access.sdk(call("pk", true, "https://anywhere.example", "any.bundle"))));
    }

    @Test
    void aRotatedCredentialEndsWithItsOverlap() {
        assertEquals(200, status(access(Optional.empty(), NOW).sdk(call("rotated", true, null, null))));
        assertEquals(401, refused(access(Optional.empty(), NOW.plusSeconds(1)).sdk(call("rotated", true, null, null))));
    }

    @Test
    void adminTokens() {
        Access access = access(Optional.empty(), NOW);
        Verdict.Allowed allowed = (Verdict.Allowed) access.app("Bearer at", "shop", "campaigns", true);
        assertEquals("admin-token:t1", allowed.principal());
        assertEquals("ci", allowed.name());
        assertEquals(AdminRole.ADMIN, allowed.role());
        assertEquals(200, status(access.app("bearer  at ", "shop", "", true)));
        assertEquals(404, refused(access.app("Bearer blog-at", "shop", "campaigns", true)));
        assertEquals(404, refused(access.app("Bearer blog-at", "shop", "nothing", true)));
        assertEquals(404, refused(access.app("Bearer at", "shop", "nothing", true)));
        assertEquals(401, refused(access.app("Bearer pk", "shop", "campaigns", true)), "an SDK key is no admin token");
        assertEquals(401, refused(access.app("Bearer unknown", "shop", "campaigns", true)));
        assertEquals(401, refused(access.app("Basic at", "shop", "campaigns", true)));
        assertEquals(401, refused(access.app("Bearer ", "shop", "campaigns", true)));
        assertEquals(401, refused(access.app(null, "shop", "campaigns", true)));
    }

    @Test
    void rolesDecideWhatATokenMayDo() {
        Access access = access(Optional.empty(), NOW);
        assertEquals(200, status(access.app("Bearer editor", "shop", "campaigns", false)));
        assertEquals(200, status(access.app("Bearer editor", "shop", "segments", false)));
        assertEquals(200, status(access.app("Bearer editor", "shop", "settings", true)));
        assertEquals(403, refused(access.app("Bearer editor", "shop", "settings", false)));
        assertEquals(403, refused(access.app("Bearer editor", "shop", "keys", true)));
        assertEquals(200, status(access.app("Bearer viewer", "shop", "campaigns", true)));
        assertEquals(200, status(access.app("Bearer viewer", "shop", "explain", false)));
        assertEquals(403, refused(access.app("Bearer viewer", "shop", "campaigns", false)));
        assertEquals(403, refused(access.app("Bearer viewer", "shop", "keys", true)));
        assertEquals(200, status(access.app("Bearer at", "shop", "keys", false)));
    }

    @Test
    void theOperatorToken() {
        Access access = access(Optional.of(SecretHash.sha256Hex("op").toUpperCase()), NOW);
        assertEquals(new Verdict.Allowed(null, Access.OPERATOR), access.operator("Bearer op"));
        assertEquals(new Verdict.Allowed("anything", Access.OPERATOR), access.app("Bearer op", "anything", "keys", false));
        assertEquals(404, refused(access.app("Bearer op", "anything", "nothing", true)));
        assertEquals(401, refused(access.operator("Bearer po")));
        assertEquals(401, refused(access.operator(null)));
        assertEquals(403, refused(access.operator("Bearer at")), "an admin token is known but not enough");
    }

    @Test
    void withoutAnOperatorHashNobodyIsTheOperator() {
        for (Optional<String> hash : List.of(Optional.<String>empty(), Optional.of("not-hex"), Optional.of(""))) {
            Access access = access(hash, NOW);
            assertEquals(401, refused(access.operator("Bearer op")));
            assertEquals(401, refused(access.operator("Bearer not-hex")));
            assertEquals(401, refused(access.app("Bearer op", "shop", "campaigns", true)));
        }
    }

    @Test
    void identityVerificationNeedsTheUsersSignature() {
        table.apply(new AppEvent("verified-event", AppEventType.SETTINGS_CHANGED, "verified", "Verified", NOW,
                List.of(sdkKey("k9", "verified-pk")), WorkspaceSettings.DEFAULTS,
                List.of(new IdentitySecret("s1", "old-secret", NOW.plusSeconds(60)),
                        new IdentitySecret("s2", "new-secret", null))));
        Access access = access(Optional.empty(), NOW);
        String signed = HexFormat.of().formatHex(UserSignature.hmac("new-secret", "alice"));
        String signedByOld = HexFormat.of().formatHex(UserSignature.hmac("old-secret", "alice"));

        assertEquals(200, status(access.sdk(identity("alice", signed, List.of("alice")))));
        assertEquals(200, status(access.sdk(identity("alice", signedByOld.toUpperCase(), List.of()))),
                "the replaced secret works through its overlap");
        assertEquals(401, refused(access(Optional.empty(), NOW.plusSeconds(60)).sdk(identity("alice", signedByOld,
                List.of()))), "and not after");
        assertEquals(401, refused(access.sdk(identity("bob", signed, List.of()))), "a signature is for one user");
        assertEquals(401, refused(access.sdk(identity("alice", signed, List.of("bob")))), "nobody reads bob as alice");
        assertEquals(401, refused(access.sdk(identity("alice", null, List.of()))));
        assertEquals(401, refused(access.sdk(identity(null, signed, List.of()))));
        assertEquals(401, refused(access.sdk(identity("alice", "not-hex", List.of()))));
        assertEquals(200, status(access.sdk(call("pk", true, null, null))), "apps without secrets verify nothing");
    }

    private static SdkRequest identity(String userId, String signature, List<String> queryUserIds) {
        return new SdkRequest("verified-pk", SdkScope.READ, null, null, userId, signature, queryUserIds);
    }

    private static SdkRequest call(String key, boolean read, String origin, String bundleId) {
        return new SdkRequest(key, read ? SdkScope.READ : SdkScope.TRACK, origin, bundleId, null, null, List.of());
    }

    private Access access(Optional<String> operatorHash, Instant now) {
        return new Access(table, operatorHash, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static int status(Verdict verdict) {
        return verdict instanceof Verdict.Refused refused ? refused.status() : 200;
    }

    private static int refused(Verdict verdict) {
        return ((Verdict.Refused) verdict).status();
    }
}
