package dev.marquee.segment.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.marquee.infra.test.architecture.ClassReferences;
import dev.marquee.infra.test.architecture.PackageRules;
import dev.marquee.segment.segment.Segment;

/**
 * The layering of the service (README, "Layering"), checked on its compiled classes: nothing outside a {@code rest}
 * package refers to one, and the feature packages form no cycle. The checker is infra's, the one every service uses,
 * tested there on fixtures that break each rule; {@link #theScanReadsTheWholeService} shows that a pass here means
 * the rules hold, not that nothing was read.
 */
class ArchitectureTest {

    private static final String BASE = "dev.marquee.segment";

    @Test
    void onlyRestPackagesReferToRestTypes() {
        List<String> violations = PackageRules.restReferences(serviceClasses());
        assertTrue(violations.isEmpty(), () -> "classes outside rest packages refer to rest types (move the type out "
                + "of rest, or map it in the resource):\n  " + String.join("\n  ", violations));
    }

    @Test
    void featurePackagesFormNoCycle() {
        List<String> cycles = PackageRules.featureCycles(serviceClasses(), BASE);
        assertTrue(cycles.isEmpty(), () -> "feature packages of " + BASE + " form cycles:\n  "
                + String.join("\n  ", cycles));
    }

    @Test
    void theScanReadsTheWholeService() {
        Map<String, Set<String>> references = serviceClasses();
        assertTrue(references.size() > 60, () -> "only " + references.size() + " classes read");
        Map<String, Map<String, String>> features = PackageRules.featureGraph(references, BASE);
        assertTrue(features.keySet().containsAll(Set.of("app", "config", "error", "event", "profile", "rest",
                "segment", "store", "user")), () -> "features read: " + features.keySet());
        // a dependency known to exist is seen (a type used in code and in a signature)
        assertTrue(features.get("segment").containsKey("profile"), () -> "segment's dependencies: " + features.get(
                "segment"));
    }

    private static Map<String, Set<String>> serviceClasses() {
        return ClassReferences.under(root(Segment.class), BASE);
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
