package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.at;
import static dev.marquee.k8s.Manifests.list;
import static dev.marquee.k8s.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** SmallRye Health's three checks drive the probes; every container declares what it needs. */
class ProbesAndResourcesTest {

    static final Map<String, String> PROBES = Map.of("startupProbe", "/q/health/started", "livenessProbe",
            "/q/health/live", "readinessProbe", "/q/health/ready");

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void threeProbesOnTheHealthEndpointsOfTheHttpPort(Manifests manifests) {
        for (String component : Chart.COMPONENTS) {
            Map<String, Object> container = manifests.container(component);
            assertEquals("http", str(list(container, "ports").get(0), "name"), component);
            PROBES.forEach((probe, path) -> {
                assertEquals(path, str(container, probe, "httpGet", "path"), component + " " + probe);
                assertEquals("http", str(container, probe, "httpGet", "port"), component + " " + probe);
            });
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void requestsAndAMemoryLimitOnEveryContainer(Manifests manifests) {
        for (Map<String, Object> pod : manifests.podSpecs()) {
            for (Object container : list(pod, "containers")) {
                String name = str(container, "name");
                assertNotNull(at(container, "resources", "requests", "cpu"), name + " cpu request");
                assertNotNull(at(container, "resources", "requests", "memory"), name + " memory request");
                assertNotNull(at(container, "resources", "limits", "memory"), name + " memory limit");
            }
        }
    }
}
