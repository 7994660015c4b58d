package dev.marquee.infra.test.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The layering checker each service's {@code ArchitectureTest} uses, run on fixture classes that break each rule: a
 * rule that cannot fail does not pass unseen.
 */
class PackageRulesTest {

    private static final String FIXTURE = PackageRulesTest.class.getPackageName() + ".fixture";

    @Test
    void theClockRuleFindsCallsAndMethodReferencesOutsideTheTimeSource() {
        Map<String, Set<String>> calls = ClassReferences.methodsCalledUnder(testClasses(), FIXTURE + ".clock");
        String fixture = FIXTURE + ".clock.";
        assertEquals(List.of(fixture + "ReadsTheWallClock -> java.lang.System.currentTimeMillis",
                fixture + "ReadsTheWallClock -> java.time.Clock.systemUTC",
                fixture + "ReadsTheWallClock -> java.time.Instant.now"),
                PackageRules.wallClockCalls(calls, fixture + "FixtureTimeSource"));
    }

    @Test
    void theRestRuleFindsAServiceThatTakesARequest() {
        Map<String, Set<String>> references = ClassReferences.under(testClasses(), FIXTURE + ".layered");
        String rest = FIXTURE + ".layered.rest.FixtureRequest";
        assertEquals(List.of(FIXTURE + ".layered.service.ListsRequests -> " + rest,
                FIXTURE + ".layered.service.TakesRequest -> " + rest), PackageRules.restReferences(references));
    }

    @Test
    void theCycleRuleFindsTwoFeaturesThatReferenceEachOther() {
        Map<String, Set<String>> references = ClassReferences.under(testClasses(), FIXTURE + ".cyclic");
        List<String> cycles = PackageRules.featureCycles(references, FIXTURE + ".cyclic");
        assertEquals(1, cycles.size(), cycles.toString());
        assertTrue(cycles.get(0).startsWith("[a, b]: a -> b"), cycles.get(0));
    }

    @Test
    void restPackagesAreRecognisedByName() {
        assertTrue(PackageRules.isRest("dev.marquee.campaign.rest.ExceptionMappers"));
        assertTrue(PackageRules.isRest("dev.marquee.campaign.app.rest.AppResource"));
        assertFalse(PackageRules.isRest("dev.marquee.campaign.campaign.service.CampaignService"));
        assertFalse(PackageRules.isRest("dev.marquee.campaign.campaign.Campaign$Restriction"));
    }

    private static Path testClasses() {
        try {
            return Path.of(PackageRulesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
