package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.list;
import static dev.marquee.k8s.Manifests.map;
import static dev.marquee.k8s.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each Deployment comes with its Service, PodDisruptionBudget and NetworkPolicy, all selecting exactly its pods. */
class PerDeploymentTest {

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void aServicePdbAndNetworkPolicySelectEachDeploymentsPods(Manifests manifests) {
        for (Map<String, Object> deployment : manifests.deployments()) {
            String name = str(deployment, "metadata", "name");
            Map<String, Object> selector = map(deployment, "spec", "selector", "matchLabels");
            assertSelects(selector, map(deployment, "spec", "template", "metadata", "labels"), name);
            assertOthersNotSelected(manifests, deployment, selector);

            assertEquals(selector, map(manifests.get("Service", name), "spec", "selector"), name + " Service");
            assertEquals(selector, map(manifests.get("PodDisruptionBudget", name), "spec", "selector", "matchLabels"),
                    name + " PDB");
            assertEquals(selector, map(manifests.get("NetworkPolicy", name), "spec", "podSelector", "matchLabels"),
                    name + " NetworkPolicy");
        }
        assertEquals(5, manifests.ofKind("PodDisruptionBudget").size());
        assertEquals(5, manifests.ofKind("NetworkPolicy").size());
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void aDisruptionNeverTakesAServiceDownCompletely(Manifests manifests) {
        for (Map<String, Object> pdb : manifests.ofKind("PodDisruptionBudget")) {
            assertEquals(1, Manifests.at(pdb, "spec", "maxUnavailable"), str(pdb, "metadata", "name"));
        }
        for (Map<String, Object> deployment : manifests.deployments()) {
            Object replicas = Manifests.at(deployment, "spec", "replicas");
            assertTrue(replicas == null || (Integer) replicas >= 2, "replicas: " + replicas);
            assertEquals(0, Manifests.at(deployment, "spec", "strategy", "rollingUpdate", "maxUnavailable"));
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void podsSpreadOverNodesAndZones(Manifests manifests) {
        for (Map<String, Object> deployment : manifests.deployments()) {
            Map<String, Object> selector = map(deployment, "spec", "selector", "matchLabels");
            List<Object> constraints = list(deployment, "spec", "template", "spec", "topologySpreadConstraints");
            assertEquals(List.of("kubernetes.io/hostname", "topology.kubernetes.io/zone"),
                    constraints.stream().map(c -> str(c, "topologyKey")).toList());
            for (Object constraint : constraints) {
                assertEquals(selector, map(constraint, "labelSelector", "matchLabels"));
                assertEquals("ScheduleAnyway", str(constraint, "whenUnsatisfiable"));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void everyObjectHasTheStandardLabels(Manifests manifests) {
        for (Map<String, Object> object : manifests.objects()) {
            Map<String, Object> labels = map(object, "metadata", "labels");
            String what = object.get("kind") + "/" + str(object, "metadata", "name");
            assertEquals("marquee", labels.get("app.kubernetes.io/name"), what);
            assertEquals(Chart.RELEASE, labels.get("app.kubernetes.io/instance"), what);
            assertEquals("0.1.0", labels.get("app.kubernetes.io/version"), what);
            assertEquals("marquee", labels.get("app.kubernetes.io/part-of"), what);
            assertEquals("Helm", labels.get("app.kubernetes.io/managed-by"), what);
            assertEquals("marquee-0.1.0", labels.get("helm.sh/chart"), what);
            if (!"ServiceAccount".equals(object.get("kind"))) {
                assertTrue(labels.containsKey("app.kubernetes.io/component"), what + " component");
            }
        }
    }

    private static void assertSelects(Map<String, Object> selector, Map<String, Object> labels, String what) {
        selector.forEach((key, value) -> assertEquals(value, labels.get(key), what + " pod label " + key));
    }

    private static void assertOthersNotSelected(Manifests manifests, Map<String, Object> deployment,
            Map<String, Object> selector) {
        for (Map<String, Object> other : manifests.deployments()) {
            if (other != deployment) {
                Map<String, Object> labels = map(other, "spec", "template", "metadata", "labels");
                assertFalse(labels.entrySet().containsAll(selector.entrySet()),
                        str(deployment, "metadata", "name") + " selector also matches " + str(other, "metadata", "name"));
            }
        }
    }
}
