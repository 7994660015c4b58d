package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.at;
import static dev.marquee.k8s.Manifests.list;
import static dev.marquee.k8s.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The services' configuration, as the Quarkus environment variables they read. */
class ServiceEnvTest {

    @Test
    void theGatewayRoutesToTheServicesOfThisRelease() {
        Manifests manifests = Renders.minimal();
        Map<String, Map<String, Object>> env = manifests.env("gateway");

        for (String service : List.of("campaign", "segment", "delivery", "results")) {
            Map<String, Object> target = manifests.get("Service", Chart.name(service + "-service"));
            Object port = at(list(target, "spec", "ports").get(0), "port");
            assertEquals("http://" + Chart.name(service + "-service") + ":" + port,
                    str(env.get("MARQUEE_GATEWAY_" + service.toUpperCase() + "_URL"), "value"));
        }
    }

    @Test
    void campaignSegmentAndResultsServicesEachGetTheirOwnDatabase() {
        Manifests manifests = Renders.minimal();

        assertDatabase(manifests.env("campaign-service"), "marquee_campaign");
        assertDatabase(manifests.env("segment-service"), "marquee_segment");
        assertDatabase(manifests.env("results-service"), "marquee_results");
        assertFalse(manifests.env("delivery-service").containsKey("QUARKUS_DATASOURCE_REACTIVE_URL"));
        assertFalse(manifests.env("gateway").containsKey("QUARKUS_DATASOURCE_REACTIVE_URL"));
    }

    @Test
    void plaintextKafkaNeedsOnlyTheBootstrapServersAndRedisOneUrl() {
        Manifests manifests = Renders.minimal();

        for (String component : Chart.COMPONENTS) {
            Map<String, Map<String, Object>> env = manifests.env(component);
            assertEquals("kafka-bootstrap.kafka.svc:9092", str(env.get("KAFKA_BOOTSTRAP_SERVERS"), "value"));
            assertNull(env.get("KAFKA_SECURITY_PROTOCOL"), component);
            if (component.equals("campaign-service") || component.equals("results-service")) {
                assertNull(env.get("QUARKUS_REDIS_HOSTS"), component + " has no Redis");
            } else {
                assertEquals("redis://redis-master.redis.svc:6379", str(env.get("QUARKUS_REDIS_HOSTS"), "value"), component);
            }
        }
    }

    @Test
    void kafkaSaslOverTlsTrustsTheClusterCa() {
        Manifests manifests = Renders.cluster();

        for (String component : Chart.COMPONENTS) {
            Map<String, Map<String, Object>> env = manifests.env(component);
            assertEquals("SASL_SSL", str(env.get("KAFKA_SECURITY_PROTOCOL"), "value"));
            assertEquals("SCRAM-SHA-512", str(env.get("KAFKA_SASL_MECHANISM"), "value"));
            assertEquals("PEM", str(env.get("KAFKA_SSL_TRUSTSTORE_TYPE"), "value"));
            String caFile = str(env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"), "value");
            Map<String, Object> pod = Manifests.map(manifests.deployment(component), "spec", "template", "spec");
            Object mount = list(manifests.container(component), "volumeMounts").stream()
                    .filter(m -> caFile.startsWith(str(m, "mountPath") + "/")).findFirst().orElseThrow();
            Object volume = list(pod, "volumes").stream().filter(v -> str(mount, "name").equals(str(v, "name")))
                    .findFirst().orElseThrow();
            assertEquals("events-cluster-ca-cert", str(volume, "secret", "secretName"), component);
        }
    }

    @Test
    void tlsWithoutSaslIsSsl() {
        Manifests manifests = Chart.template(Map.of("kafka.tls.enabled", "true"), Chart.ci("default-values.yaml"));

        assertEquals("SSL", str(manifests.env("gateway").get("KAFKA_SECURITY_PROTOCOL"), "value"));
        assertNull(manifests.env("gateway").get("KAFKA_SSL_TRUSTSTORE_LOCATION"), "JVM trust store");
    }

    @Test
    void redisClusterListsEverySeedNodeOverTls() {
        Manifests manifests = Renders.cluster();

        for (String component : List.of("gateway", "segment-service", "delivery-service")) {
            Map<String, Map<String, Object>> env = manifests.env(component);
            assertEquals("cluster", str(env.get("QUARKUS_REDIS_CLIENT_TYPE"), "value"), component);
            List<String> hosts = List.of(str(env.get("QUARKUS_REDIS_HOSTS"), "value").split(","));
            assertEquals(3, hosts.size(), component);
            hosts.forEach(host -> assertEquals(true, host.matches("rediss://redis-cluster-\\d\\..+:6379"), host));
        }
        assertNull(manifests.env("campaign-service").get("QUARKUS_REDIS_HOSTS"), "campaign-service has no Redis");
        assertNull(manifests.env("results-service").get("QUARKUS_REDIS_HOSTS"), "results-service has no Redis");
    }

    @Test
    void standaloneRedisIsOneUrl() {
        Manifests manifests = Chart.template(Map.of("redis.nodes[0]", "redis-master.redis.svc:6379"),
                Chart.ci("default-values.yaml"));

        Map<String, Map<String, Object>> env = manifests.env("delivery-service");
        assertEquals("redis://redis-master.redis.svc:6379", str(env.get("QUARKUS_REDIS_HOSTS"), "value"));
        assertNull(env.get("QUARKUS_REDIS_CLIENT_TYPE"));
        assertNull(env.get("QUARKUS_REDIS_PASSWORD"), "no AUTH without a Secret");
    }

    @Test
    void extraEnvComesLast() {
        List<Object> env = list(Renders.cluster().container("delivery-service"), "env");

        assertEquals("QUARKUS_LOG_LEVEL", str(env.get(env.size() - 1), "name"));
    }

    private static void assertDatabase(Map<String, Map<String, Object>> env, String database) {
        assertEquals("postgresql://postgresql.databases.svc:5432/" + database,
                str(env.get("QUARKUS_DATASOURCE_REACTIVE_URL"), "value"));
        assertEquals("jdbc:postgresql://postgresql.databases.svc:5432/" + database,
                str(env.get("QUARKUS_DATASOURCE_JDBC_URL"), "value"));
        assertEquals("marquee", str(env.get("QUARKUS_DATASOURCE_USERNAME"), "value"));
        assertEquals("marquee-postgresql", str(env.get("QUARKUS_DATASOURCE_PASSWORD"), "valueFrom", "secretKeyRef", "name"));
    }
}
