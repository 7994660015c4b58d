package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.at;
import static dev.marquee.k8s.Manifests.list;
import static dev.marquee.k8s.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** HPA and Ingress only on request; Strimzi topics and ServiceMonitors never without their APIs. */
class OptionalResourcesTest {

    @Test
    void theMinimalInstallHasNoOptionalResource() {
        Manifests manifests = Renders.minimal();

        for (String kind : List.of("HorizontalPodAutoscaler", "Ingress", "KafkaTopic", "ServiceMonitor")) {
            assertTrue(manifests.ofKind(kind).isEmpty(), kind);
        }
        manifests.deployments().forEach(d -> assertEquals(2, at(d, "spec", "replicas")));
    }

    @Test
    void anAutoscaledDeploymentLeavesItsReplicasToTheHpa() {
        Manifests manifests = Renders.cluster();

        assertEquals(2, manifests.ofKind("HorizontalPodAutoscaler").size());
        for (String component : List.of("gateway", "delivery-service")) {
            Map<String, Object> hpa = manifests.get("HorizontalPodAutoscaler", Chart.name(component));
            assertEquals(Chart.name(component), str(hpa, "spec", "scaleTargetRef", "name"));
            assertEquals("Deployment", str(hpa, "spec", "scaleTargetRef", "kind"));
            assertEquals("cpu", str(list(hpa, "spec", "metrics").get(0), "resource", "name"));
            assertNull(at(manifests.deployment(component), "spec", "replicas"), component + " replicas");
        }
        assertEquals(2, at(manifests.deployment("campaign-service"), "spec", "replicas"));
    }

    @Test
    void theIngressRoutesEverythingToTheGatewayWithTls() {
        Map<String, Object> ingress = Renders.cluster().get("Ingress", Chart.name("gateway"));

        assertEquals("nginx", str(ingress, "spec", "ingressClassName"));
        assertEquals("marquee-example-com-tls", str(list(ingress, "spec", "tls").get(0), "secretName"));
        Object rule = list(ingress, "spec", "rules").get(0);
        assertEquals("marquee.example.com", str(rule, "host"));
        Object path = list(rule, "http", "paths").get(0);
        assertEquals("/", str(path, "path"));
        assertEquals(Chart.name("gateway"), str(path, "backend", "service", "name"));
        assertEquals("http", str(path, "backend", "service", "port", "name"));
    }

    @Test
    void strimziAndPrometheusSettingsAloneCreateNothingWithoutTheirApis() {
        // cluster-values names a Strimzi cluster and ServiceMonitor labels; `helm template` serves neither API.
        Manifests manifests = Renders.cluster();

        assertTrue(manifests.ofKind("KafkaTopic").isEmpty());
        assertTrue(manifests.ofKind("ServiceMonitor").isEmpty());
    }
}
