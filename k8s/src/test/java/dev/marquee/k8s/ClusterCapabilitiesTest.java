package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.list;
import static dev.marquee.k8s.Manifests.map;
import static dev.marquee.k8s.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/**
 * {@code helm install} against a (fake) API server: KafkaTopics appear only where {@code kafka.strimzi.io/v1beta2} is
 * served, ServiceMonitors only where {@code monitoring.coreos.com/v1} is.
 */
class ClusterCapabilitiesTest {

    @Test
    void onAStrimziAndPrometheusClusterTheTopicsAndMonitorsAreCreated() {
        try (FakeApiServer cluster = new FakeApiServer(FakeApiServer.STRIMZI, FakeApiServer.PROMETHEUS_OPERATOR)) {
            Manifests created = cluster.install(Chart.ci("cluster-values.yaml"));

            Map<String, String> policies = new TreeMap<>();
            for (Map<String, Object> topic : created.ofKind("KafkaTopic")) {
                assertEquals("kafka.strimzi.io/v1beta2", topic.get("apiVersion"));
                assertEquals("events", str(topic, "metadata", "labels", "strimzi.io/cluster"));
                assertEquals("kafka", str(topic, "metadata", "namespace"));
                assertEquals("keep", str(topic, "metadata", "annotations", "helm.sh/resource-policy"));
                assertEquals(str(topic, "metadata", "name"), str(topic, "spec", "topicName"));
                assertEquals("2", str(topic, "spec", "config", "min.insync.replicas"));
                policies.put(str(topic, "spec", "topicName"), str(topic, "spec", "config", "cleanup.policy"));
            }
            assertEquals(Map.of("campaign.events.v1", "compact", "app.events.v1", "compact", "user.events.v1", "delete",
                    "segment.membership.v1", "delete", "delivery.outcomes.v1", "delete", "segment.definitions.v1", "compact",
                    "segment.user-events.dlq.v1", "delete", "delivery.user-events.dlq.v1", "delete", "app.erasures.v1",
                    "compact"),
                    policies);

            assertEquals(5, created.ofKind("ServiceMonitor").size());
            for (String component : Chart.COMPONENTS) {
                Map<String, Object> monitor = created.get("ServiceMonitor", Chart.name(component));
                Map<String, Object> service = created.get("Service", Chart.name(component));
                assertEquals(map(service, "spec", "selector"), map(monitor, "spec", "selector", "matchLabels"));
                assertEquals("kube-prometheus-stack", str(monitor, "metadata", "labels", "release"));
                Object endpoint = list(monitor, "spec", "endpoints").get(0);
                // the gateway's metrics are on its management interface, not on the public port
                assertEquals(component.equals("gateway") ? "management" : "http", str(endpoint, "port"));
                assertEquals("/q/metrics", str(endpoint, "path"));
            }
            Map<String, Object> management = created.get("Service", Chart.name("gateway") + "-management");
            assertEquals("ClusterIP", str(management, "spec", "type"));
            assertEquals("management", str(list(management, "spec", "ports").get(0), "name"));
        }
    }

    @Test
    void onAPlainClusterTheSameValuesInstallWithoutThem() {
        try (FakeApiServer cluster = new FakeApiServer()) {
            Manifests created = cluster.install(Chart.ci("cluster-values.yaml"));

            assertEquals(5, created.ofKind("Deployment").size());
            assertTrue(created.ofKind("KafkaTopic").isEmpty());
            assertTrue(created.ofKind("ServiceMonitor").isEmpty());
        }
    }

    @Test
    void withoutAStrimziClusterNameNoTopicIsCreated() {
        try (FakeApiServer cluster = new FakeApiServer(FakeApiServer.STRIMZI)) {
            Manifests created = cluster.install(Chart.ci("default-values.yaml"));

            assertEquals(5, created.ofKind("Deployment").size());
            assertTrue(created.ofKind("KafkaTopic").isEmpty());
        }
    }
}
