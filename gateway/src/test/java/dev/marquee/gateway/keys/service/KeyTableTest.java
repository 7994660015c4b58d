package dev.marquee.gateway.keys.service;

import static dev.marquee.gateway.test.AppEvents.adminToken;
import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.AppEventType;
import dev.marquee.contracts.app.Credential;
import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.contracts.app.SdkScope;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.gateway.keys.KnownCredential;
import dev.marquee.gateway.keys.SecretHash;

class KeyTableTest {

    private final KeyTable table = new KeyTable();

    @Test
    void findsACredentialByTheHashOfItsSecret() {
        table.apply(app("shop", sdkKey("k1", "pk-secret"), adminToken("t1", "at-secret")));

        KnownCredential key = table.find(SecretHash.sha256Hex("pk-secret")).orElseThrow();
        assertEquals(new KnownCredential("shop", "k1", CredentialKind.SDK_KEY, null, "web"), key);
        KnownCredential token = table.find(SecretHash.sha256Hex("at-secret")).orElseThrow();
        assertEquals(AdminRole.ADMIN, token.role());
        assertTrue(table.find(SecretHash.sha256Hex("other")).isEmpty());
        assertEquals(2, table.size());
    }

    @Test
    void anEventReplacesTheAppsCredentialsAndNoOtherApps() {
        table.apply(app("shop", sdkKey("k1", "old"), sdkKey("k2", "kept")));
        table.apply(app("blog", sdkKey("k3", "blog-key")));

        table.apply(app("shop", sdkKey("k2", "kept"), sdkKey("k4", "new")));

        assertTrue(table.find(SecretHash.sha256Hex("old")).isEmpty(), "a revoked key must stop working");
        assertTrue(table.find(SecretHash.sha256Hex("kept")).isPresent());
        assertTrue(table.find(SecretHash.sha256Hex("new")).isPresent());
        assertTrue(table.find(SecretHash.sha256Hex("blog-key")).isPresent());
        assertEquals(3, table.size());
    }

    @Test
    void anEventAlreadyAppliedIsSkipped() {
        AppEvent first = app("shop", sdkKey("k1", "first"));
        assertTrue(table.apply(first));
        table.apply(app("shop", sdkKey("k2", "second")));

        // a redelivery of the older event must not bring its (since revoked) key back
        assertFalse(table.apply(first));
        assertTrue(table.find(SecretHash.sha256Hex("first")).isEmpty());
        assertTrue(table.find(SecretHash.sha256Hex("second")).isPresent());
    }

    @Test
    void anAppWithoutCredentialsOrATombstoneLeavesNothing() {
        table.apply(app("shop", sdkKey("k1", "a")));
        table.apply(app("shop"));
        assertEquals(0, table.size());

        table.apply(app("blog", sdkKey("k2", "b")));
        table.remove("blog");
        assertEquals(0, table.size());
        table.remove("never-seen");
    }

    @Test
    void unusableCredentialsAndEventsAreIgnored() {
        List<Credential> credentials = new ArrayList<>();
        credentials.add(new Credential("k1", CredentialKind.SDK_KEY, "web", null, "not-a-hash"));
        credentials.add(new Credential("k2", null, "web", null, SecretHash.sha256Hex("no-kind")));
        credentials.add(null);
        String upper = SecretHash.sha256Hex("upper").toUpperCase();
        credentials.add(new Credential("k3", CredentialKind.SDK_KEY, "web", null, upper));
        table.apply(new AppEvent("e1", AppEventType.CREATED, "shop", "Shop", Instant.now(), credentials,
                WorkspaceSettings.DEFAULTS));

        assertEquals(1, table.size());
        assertTrue(table.find(SecretHash.sha256Hex("upper")).isPresent(), "hashes are compared in lowercase");
        assertFalse(table.apply(
                new AppEvent("e2", AppEventType.CREATED, null, "?", Instant.now(), List.of(), WorkspaceSettings.DEFAULTS)));
    }

    @Test
    void theCorsAllowlistFollowsTheLiveKeys() {
        table.apply(app("shop", sdkKey("k1", "a", List.of(SdkScope.READ), List.of("https://a.example"), List.of(), null),
                sdkKey("k2", "b", List.of(SdkScope.READ), List.of("https://a.example", "https://b.example"), List.of(),
                        null)));
        assertTrue(table.allowsOrigin("https://a.example"));
        assertTrue(table.allowsOrigin("https://b.example"));

        table.apply(app("shop", sdkKey("k1", "a", List.of(SdkScope.READ), List.of("https://a.example"), List.of(), null)));
        assertTrue(table.allowsOrigin("https://a.example"));
        assertFalse(table.allowsOrigin("https://b.example"), "the only key allowing b was revoked");

        table.remove("shop");
        assertFalse(table.allowsOrigin("https://a.example"));
    }
}
