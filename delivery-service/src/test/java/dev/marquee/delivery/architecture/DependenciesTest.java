package dev.marquee.delivery.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.marquee.delivery.architecture.fixture.alpha.service.AlphaService;

/** The checker itself, on {@code fixture}: a service that takes a {@code rest} type, and two features in a cycle. */
class DependenciesTest {

    private static final String FIXTURE = "dev.marquee.delivery.architecture.fixture";

    private static Dependencies fixture() {
        try {
            Path classes = Path.of(AlphaService.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = classes.getParent().getParent();
            return Dependencies.of(classes, module.resolve("src/test/java"), FIXTURE);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aServiceThatTakesARestTypeIsReported() {
        assertEquals(List.of(FIXTURE + ".alpha.service.AlphaService -> " + FIXTURE + ".alpha.rest.AlphaRequest",
                FIXTURE + ".beta.BetaIndex -> " + FIXTURE + ".alpha.rest.AlphaRequest"),
                fixture().restReferencesOutsideRest());
    }

    @Test
    void twoFeaturesThatReferToEachOtherAreACycle() {
        List<String> cycles = fixture().featureCycles();
        assertEquals(1, cycles.size(), cycles.toString());
        assertTrue(cycles.get(0).startsWith("[alpha, beta] alpha.service.AlphaService -> beta.BetaIndex"),
                cycles.get(0));
    }

    @Test
    void aStaticImportOfAConstantCountsThoughItCompilesAway() {
        assertTrue(fixture().references().get(FIXTURE + ".beta.BetaIndex").contains(FIXTURE + ".alpha.rest.AlphaRequest"));
    }
}
