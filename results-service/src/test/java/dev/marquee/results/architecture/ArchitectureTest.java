package dev.marquee.results.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.marquee.infra.test.architecture.ClassReferences;
import dev.marquee.infra.test.architecture.PackageRules;
import dev.marquee.results.config.TimeSource;
import dev.marquee.results.experiment.ExperimentAnalysis;

/**
 * The service's layering, read from its compiled classes (issue 19): nothing outside a {@code rest} package references
 * a {@code rest} type, and the feature packages ({@code campaign}, {@code experiment}, {@code ingest}, {@code report})
 * form no cycle; only {@link TimeSource} reads the system clock. The checker is infra's, the one every service uses, run on fixtures that break each rule in infra's
 * tests.
 */
class ArchitectureTest {

    private static final String SERVICE = "dev.marquee.results";

    @Test
    void noClassOutsideRestReferencesARestType() {
        assertEquals(List.of(), PackageRules.restReferences(serviceClasses()),
                "ingest, report and experiment classes take and return domain types; map in rest/");
    }

    @Test
    void featurePackagesFormNoCycle() {
        assertEquals(List.of(), PackageRules.featureCycles(serviceClasses(), SERVICE),
                "feature packages depend one way; see the README");
    }

    @Test
    void onlyTheTimeSourceReadsTheSystemClock() {
        Map<String, Set<String>> calls = ClassReferences.methodsCalledUnder(classesOf(ExperimentAnalysis.class),
                SERVICE);
        assertTrue(calls.get(TimeSource.class.getName()).contains("java.time.Instant.now"),
                "the rule looks at the right methods: " + calls.get(TimeSource.class.getName()));
        assertEquals(List.of(), PackageRules.wallClockCalls(calls, TimeSource.class.getName()),
                "take the time from config.TimeSource (constructor-injected), so tests can move it");
    }

    private static Map<String, Set<String>> serviceClasses() {
        Map<String, Set<String>> references = ClassReferences.under(classesOf(ExperimentAnalysis.class), SERVICE);
        assertTrue(references.size() > 30, "read " + references.size() + " classes of " + SERVICE);
        assertTrue(references.containsKey(ExperimentAnalysis.class.getName()), references.keySet().toString());
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
