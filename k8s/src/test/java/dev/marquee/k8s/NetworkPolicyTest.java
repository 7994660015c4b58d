package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.at;
import static dev.marquee.k8s.Manifests.list;
import static dev.marquee.k8s.Manifests.map;
import static dev.marquee.k8s.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Only the gateway takes traffic from outside. The services trust the gateway's identity headers, so they accept the
 * gateway's pods only (and Prometheus, when the operator names it).
 */
class NetworkPolicyTest {

    static final List<String> SERVICES = List.of("campaign-service", "segment-service", "delivery-service",
            "results-service");

    @Test
    void byDefaultTheGatewayPortIsOpenToAnySource() {
        Manifests manifests = Renders.minimal();
        Object rule = onlyRule(manifests, "gateway");

        assertNull(at(rule, "from"), "no `from`: any source");
        assertEquals(List.of(8080), list(rule, "ports").stream().map(p -> at(p, "port")).toList());
    }

    @Test
    void servicesAcceptOnlyTheGatewaysPodsOnTheirPort() {
        Manifests manifests = Renders.minimal();
        Map<String, Object> gatewayPods = map(manifests.deployment("gateway"), "spec", "selector", "matchLabels");

        for (String service : SERVICES) {
            Object rule = onlyRule(manifests, service);
            List<Object> from = list(rule, "from");
            assertEquals(1, from.size(), service);
            assertEquals(gatewayPods, map(from.get(0), "podSelector", "matchLabels"), service);
            assertNull(at(from.get(0), "namespaceSelector"), service + ": same namespace only");
            int port = (Integer) at(list(manifests.container(service), "ports").get(0), "containerPort");
            assertEquals(List.of(port), list(rule, "ports").stream().map(p -> at(p, "port")).toList(), service);
        }
    }

    @Test
    void aClosedGatewayAdmitsTheIngressControllerMonitoringAndLabelledClients() {
        Manifests manifests = Renders.cluster();
        List<Object> from = list(rule(manifests, "gateway", 0, 2), "from");

        assertEquals(3, from.size());
        String clientLabel = Chart.name("gateway") + "-client";
        assertEquals(Map.of(clientLabel, "true"), map(from.get(0), "podSelector", "matchLabels"));
        assertEquals("ingress-nginx", str(from.get(1), "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
        assertEquals("monitoring", str(from.get(2), "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
        // the management port (metrics) is for monitoring only
        Object management = rule(manifests, "gateway", 1, 2);
        assertEquals(List.of(9000), list(management, "ports").stream().map(p -> at(p, "port")).toList());
        List<Object> scrapers = list(management, "from");
        assertEquals(1, scrapers.size());
        assertEquals("monitoring", str(scrapers.get(0), "namespaceSelector", "matchLabels",
                "kubernetes.io/metadata.name"));
        // The chart test must still reach the gateway.
        Map<String, Object> testPod = manifests.ofKind("Pod").get(0);
        assertEquals("true", map(testPod, "metadata", "labels").get(clientLabel));
    }

    @Test
    void monitoringMayScrapeTheServicesButNothingElseIsAdded() {
        Manifests manifests = Renders.cluster();

        for (String service : SERVICES) {
            List<Object> from = list(onlyRule(manifests, service), "from");
            assertEquals(2, from.size(), service);
            assertEquals("gateway", str(from.get(0), "podSelector", "matchLabels", "app.kubernetes.io/component"));
            assertEquals("monitoring", str(from.get(1), "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"));
        }
    }

    @Test
    void policiesCanBeTurnedOff() {
        Manifests manifests = Chart.template(Map.of("networkPolicy.enabled", "false"), Chart.ci("default-values.yaml"));

        assertTrue(manifests.ofKind("NetworkPolicy").isEmpty());
    }

    private static Object onlyRule(Manifests manifests, String component) {
        return rule(manifests, component, 0, 1);
    }

    private static Object rule(Manifests manifests, String component, int index, int count) {
        Map<String, Object> policy = manifests.get("NetworkPolicy", Chart.name(component));
        assertEquals(List.of("Ingress"), list(policy, "spec", "policyTypes"));
        List<Object> rules = list(policy, "spec", "ingress");
        assertEquals(count, rules.size(), component + " ingress rules");
        return rules.get(index);
    }
}
