package dev.marquee.segment.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.marquee.segment.segment.Segment;

/**
 * The layering of the service (README, "Layering"), checked on its compiled classes: nothing outside a {@code rest}
 * package refers to one, and the feature packages form no cycle. The checker is itself tested on fixtures that break
 * each rule, so a pass means the rules hold, not that nothing was read.
 */
class ArchitectureTest {

    private static final String BASE = "dev.marquee.segment";
    private static final String FIXTURE = "dev.marquee.segment.architecture.fixture";

    @Test
    void onlyRestPackagesReferToRestTypes() {
        List<String> violations = serviceRules().restReferencesFromOutsideRest();
        assertTrue(violations.isEmpty(), () -> "classes outside rest packages refer to rest types (move the type out "
                + "of rest, or map it in the resource):\n  " + String.join("\n  ", violations));
    }

    @Test
    void featurePackagesFormNoCycle() {
        List<String> cycles = serviceRules().featureCycles();
        assertTrue(cycles.isEmpty(), () -> "feature packages of " + BASE + " form cycles:\n  "
                + String.join("\n  ", cycles));
    }

    @Test
    void theScanReadsTheWholeService() {
        Map<String, Set<String>> references = ClassReferences.of(root(Segment.class), BASE);
        assertTrue(references.size() > 60, () -> "only " + references.size() + " classes read");
        Map<String, Map<String, String>> features = serviceRules().featureDependencies();
        assertTrue(features.keySet().containsAll(Set.of("app", "config", "error", "event", "profile", "rest",
                "segment", "store", "user")), () -> "features read: " + features.keySet());
        // a dependency known to exist is seen (a type used in code and in a signature)
        assertTrue(features.get("segment").containsKey("profile"), () -> "segment's dependencies: " + features.get(
                "segment"));
    }

    @Test
    void aServiceNamingARestTypeInASignatureIsAViolation() {
        PackageRules rules = new PackageRules(FIXTURE + ".layered",
                ClassReferences.of(root(ArchitectureTest.class), FIXTURE + ".layered"));
        assertEquals(List.of(
                FIXTURE + ".layered.service.ListsRequests -> " + FIXTURE + ".layered.rest.FixtureRequest",
                FIXTURE + ".layered.service.TakesRequest -> " + FIXTURE + ".layered.rest.FixtureRequest"),
                rules.restReferencesFromOutsideRest());
    }

    @Test
    void featuresReachingEachOtherAreACycle() {
        PackageRules rules = new PackageRules(FIXTURE + ".cyclic",
                ClassReferences.of(root(ArchitectureTest.class), FIXTURE + ".cyclic"));
        List<String> cycles = rules.featureCycles();
        assertEquals(1, cycles.size(), () -> String.join("\n", cycles));
        assertTrue(cycles.get(0).startsWith("features [a, b, c] depend on each other:"), cycles.get(0));
        assertTrue(cycles.get(0).contains("c -> a (" + FIXTURE + ".cyclic.c.Gamma -> " + FIXTURE + ".cyclic.a.Alpha)"),
                cycles.get(0));
    }

    private static PackageRules serviceRules() {
        return new PackageRules(BASE, ClassReferences.of(root(Segment.class), BASE));
    }

    /** The classes directory (or jar root) a class was loaded from: target/classes or target/test-classes. */
    private static Path root(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
