package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.list;
import static dev.marquee.k8s.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Images are always pinned: the chart's appVersion by default, a digest on request, never `latest`. */
class ImagesTest {

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void noImageIsLatestOrUntagged(Manifests manifests) {
        for (Map<String, Object> pod : manifests.podSpecs()) {
            for (Object container : list(pod, "containers")) {
                String image = str(container, "image");
                String lastSegment = image.substring(image.lastIndexOf('/') + 1);
                assertTrue(lastSegment.contains(":") || lastSegment.contains("@sha256:"), image + " has no tag");
                assertFalse(image.endsWith(":latest"), image);
            }
        }
    }

    @Test
    void theServicesRunTheChartsAppVersionFromTheOperatorsRegistry() {
        Manifests manifests = Renders.minimal();

        for (String component : Chart.COMPONENTS) {
            assertEquals("registry.example.com/marquee/" + component + ":0.1.0", str(manifests.container(component), "image"));
        }
    }

    @Test
    void aDigestPinsTheImage() {
        String digest = "sha256:" + "a".repeat(64);
        Manifests manifests = Chart.template(Map.of("deliveryService.image.digest", digest), Chart.ci("default-values.yaml"));

        assertEquals("registry.example.com/marquee/delivery-service@" + digest,
                str(manifests.container("delivery-service"), "image"));
    }

    @Test
    void valuesNativeSwitchesEveryServiceToItsNativeImage() {
        Manifests manifests = Chart.template(Chart.ci("default-values.yaml"), Chart.nativeValues());

        for (String component : Chart.COMPONENTS) {
            Map<String, Object> container = manifests.container(component);
            assertEquals("registry.example.com/marquee/" + component + "-native:0.1.0", str(container, "image"));
            // A native executable needs a fraction of the JVM's memory.
            assertTrue(str(container, "resources", "limits", "memory").matches("(64|128|256)Mi"),
                    component + ": " + str(container, "resources", "limits", "memory"));
        }
    }
}
