package dev.marquee.gateway.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.marquee.gateway.GatewayMain;
import dev.marquee.infra.test.architecture.ClassReferences;
import dev.marquee.infra.test.architecture.PackageRules;

/**
 * The gateway's layering, read from its compiled classes (issue 19): nothing outside a {@code rest} package references
 * a {@code rest} type (the edge checks, the key table, the limiter and the proxy decide in domain types such as
 * {@code refusal.Refusal}; only {@code rest} and {@code routing.rest} write problem+json), and no two feature packages
 * ({@code edge}, {@code keys}, {@code limits}, {@code routing}, …) reference each other, directly or around a loop.
 * The checker ({@link ClassReferences}, {@link PackageRules}) is infra's, the one every service uses, and is run on
 * fixture classes that break each rule in infra's tests.
 */
class ArchitectureTest {

    private static final String SERVICE = "dev.marquee.gateway";

    @Test
    void noClassOutsideRestReferencesARestType() {
        Map<String, Set<String>> references = serviceClasses();
        assertEquals(List.of(), PackageRules.restReferences(references),
                "edge, keys, limits and routing services decide in domain types; map to problem+json in rest/");
    }

    @Test
    void featurePackagesFormNoCycle() {
        Map<String, Set<String>> references = serviceClasses();
        assertEquals(List.of(), PackageRules.featureCycles(references, SERVICE),
                "feature packages depend one way; see the layering section of the README");
    }

    /** The service's own compiled classes; enough of them that a wrong directory cannot pass as a clean one. */
    private static Map<String, Set<String>> serviceClasses() {
        Map<String, Set<String>> references = ClassReferences.under(classesOf(GatewayMain.class), SERVICE);
        assertTrue(references.size() > 30, "read " + references.size() + " classes of " + SERVICE);
        assertTrue(references.containsKey(SERVICE + ".routing.service.UpstreamProxy"), references.keySet().toString());
        return references;
    }

    private static Path classesOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
