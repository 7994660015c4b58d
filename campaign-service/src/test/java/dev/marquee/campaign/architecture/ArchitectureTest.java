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

/**
 * The service's layering, read from its compiled classes (issue 19): nothing outside a {@code rest} package references
 * a {@code rest} type (service cores know nothing of HTTP), and no two feature packages ({@code app}, {@code campaign},
 * {@code outbox}, …) reference each other, directly or around a loop; and only {@link TimeSource} reads the system
 * clock (issue 19 item 5). Each rule is also run on fixture classes that break it, so a rule that cannot fail does not
 * pass unseen.
 */
class ArchitectureTest {

    private static final String SERVICE = "dev.marquee.campaign";
    private static final String FIXTURE = ArchitectureTest.class.getPackageName() + ".fixture";

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

    @Test
    void theClockRuleFindsCallsAndMethodReferencesOutsideTheTimeSource() {
        Map<String, Set<String>> calls = ClassReferences.methodsCalledUnder(classesOf(ArchitectureTest.class),
                FIXTURE + ".clock");
        String fixture = FIXTURE + ".clock.";
        assertEquals(List.of(fixture + "ReadsTheWallClock -> java.lang.System.currentTimeMillis",
                fixture + "ReadsTheWallClock -> java.time.Clock.systemUTC",
                fixture + "ReadsTheWallClock -> java.time.Instant.now"),
                PackageRules.wallClockCalls(calls, fixture + "FixtureTimeSource"));
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
        assertTrue(PackageRules.isRest(SERVICE + ".rest.ExceptionMappers"));
        assertTrue(PackageRules.isRest(SERVICE + ".app.rest.AppResource"));
        assertEquals(false, PackageRules.isRest(SERVICE + ".campaign.service.CampaignService"));
        assertEquals(false, PackageRules.isRest(SERVICE + ".campaign.Campaign$Restriction"));
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
