package dev.marquee.delivery.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.marquee.delivery.config.DeliveryConfig;

/**
 * The layering the README states, checked on the compiled service: only {@code rest} packages see {@code rest}
 * packages (the service core knows nothing of HTTP), and the top-level packages under {@code dev.marquee.delivery}
 * (features and the shared {@code error}, {@code store}, {@code config}, {@code rest}) import each other without a
 * cycle. {@link DependenciesTest} shows that both checks fail where they should.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.marquee.delivery";

    private static Dependencies service() {
        try {
            Path classes = Path.of(DeliveryConfig.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path module = classes.getParent().getParent();
            return Dependencies.of(classes, module.resolve("src/main/java"), ROOT);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyRestPackagesReferToRestPackages() {
        assertEquals(List.of(), service().restReferencesOutsideRest());
    }

    @Test
    void topLevelPackagesHaveNoCycle() {
        assertEquals(List.of(), service().featureCycles());
    }
}
