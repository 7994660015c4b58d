package dev.marquee.campaign.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.marquee.campaign.campaign.Campaign;
import dev.marquee.campaign.config.TimeSource;
import dev.marquee.infra.test.architecture.ClassReferences;
import dev.marquee.infra.test.architecture.PackageRules;

/**
 * The service's layering, read from its compiled classes (issue 19): nothing outside a {@code rest} package references
 * a {@code rest} type (service cores know nothing of HTTP), and no two feature packages ({@code app}, {@code campaign},
 * {@code outbox}, …) reference each other, directly or around a loop; and only {@link TimeSource} reads the system
 * clock (issue 19 item 5). The checker
 * (infra's {@code dev.marquee.infra.test.architecture}) is run on fixture classes that break each rule in infra's tests.
 */
class ArchitectureTest {

    private static final String SERVICE = "dev.marquee.campaign";

    @Test
    void noClassOutsideRestReferencesARestType() {
        Map<String, Set<String>> references = serviceClasses();
        assertEquals(List.of(), PackageRules.restReferences(references),
                "service, repository, messaging and domain classes take and return domain types; map in rest/");
    }

    @Test
    void featurePackagesFormNoCycle() {
        Map<String, Set<String>> references = serviceClasses();
        assertEquals(List.of(), PackageRules.featureCycles(references, SERVICE),
                "feature packages depend one way; see the layering section of the README");
    }

    @Test
    void onlyTheTimeSourceReadsTheSystemClock() {
        Map<String, Set<String>> calls = ClassReferences.methodsCalledUnder(classesOf(Campaign.class), SERVICE);
        assertTrue(calls.size() > 80, "read " + calls.size() + " classes of " + SERVICE);
        // the time source itself is read, and does read the clock: the rule is looking at the right methods
        assertTrue(calls.get(TimeSource.class.getName()).contains("java.time.Instant.now"),
                calls.get(TimeSource.class.getName()).toString());
        assertEquals(List.of(), PackageRules.wallClockCalls(calls, TimeSource.class.getName()),
                "take the time from config.TimeSource (constructor-injected), so tests can move it");
    }

    /** The service's own compiled classes; enough of them that a wrong directory cannot pass as a clean one. */
    private static Map<String, Set<String>> serviceClasses() {
        Map<String, Set<String>> references = ClassReferences.under(classesOf(Campaign.class), SERVICE);
        assertTrue(references.size() > 80, "read " + references.size() + " classes of " + SERVICE);
        assertTrue(references.containsKey(SERVICE + ".campaign.service.CampaignService"), references.keySet().toString());
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
