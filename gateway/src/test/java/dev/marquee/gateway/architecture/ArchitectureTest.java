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

/**
 * The gateway's layering, read from its compiled classes (issue 19): nothing outside a {@code rest} package references
 * a {@code rest} type (the edge checks, the key table, the limiter and the proxy decide in domain types such as
 * {@code refusal.Refusal}; only {@code rest} and {@code routing.rest} write problem+json), and no two feature packages
 * ({@code edge}, {@code keys}, {@code limits}, {@code routing}, …) reference each other, directly or around a loop.
 * Each rule is also run on fixture classes that break it, so a rule that cannot fail does not pass unseen. The checker
 * ({@link ClassReferences}, {@link PackageRules}) is campaign-service's, copied.
 */
class ArchitectureTest {

    private static final String SERVICE = "dev.marquee.gateway";
    private static final String FIXTURE = ArchitectureTest.class.getPackageName() + ".fixture";

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

    @Test
    void theRestRuleFindsAServiceThatTakesARequest() {
        Map<String, Set<String>> references = ClassReferences.under(classesOf(ArchitectureTest.class),
                FIXTURE + ".layered");
        String rest = FIXTURE + ".layered.rest.FixtureRequest";
        assertEquals(List.of(FIXTURE + ".layered.service.ListsRequests -> " + rest,
                FIXTURE + ".layered.service.TakesRequest -> " + rest), PackageRules.restReferences(references));
    }

    @Test
    void theCycleRuleFindsTwoFeaturesThatReferenceEachOther() {
        Map<String, Set<String>> references = ClassReferences.under(classesOf(ArchitectureTest.class),
                FIXTURE + ".cyclic");
        List<String> cycles = PackageRules.featureCycles(references, FIXTURE + ".cyclic");
        assertEquals(1, cycles.size(), cycles.toString());
        assertTrue(cycles.get(0).startsWith("[a, b]: a -> b"), cycles.get(0));
    }

    @Test
    void restPackagesAreRecognisedByName() {
        assertTrue(PackageRules.isRest(SERVICE + ".rest.Problems"));
        assertTrue(PackageRules.isRest(SERVICE + ".routing.rest.GatewayRoutes"));
        assertEquals(false, PackageRules.isRest(SERVICE + ".routing.service.UpstreamProxy"));
        assertEquals(false, PackageRules.isRest(SERVICE + ".refusal.Refusal"));
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
