package dev.marquee.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A first install without the values only the operator can know fails, and says which ones. */
class RequiredValuesTest {

    static final List<String> REQUIRED = List.of("image.registry", "postgresql.host", "postgresql.existingSecret",
            "kafka.bootstrapServers", "redis.nodes", "gateway.operatorToken.existingSecret", "trust.existingSecret");

    @Test
    void theChartDefaultsNameEveryMissingValueAtOnce() {
        String error = renderError(Map.of());

        REQUIRED.forEach(key -> assertTrue(error.contains(key + ":"), () -> key + " not named in: " + error));
    }

    @ParameterizedTest
    @ValueSource(strings = {"image.registry", "postgresql.host", "postgresql.existingSecret", "kafka.bootstrapServers",
            "gateway.operatorToken.existingSecret", "trust.existingSecret"})
    void eachRequiredValueIsRequired(String key) {
        String error = renderError(Map.of(key, ""), Chart.ci("default-values.yaml"));

        assertTrue(error.contains(key + ":"), error);
        REQUIRED.stream().filter(other -> !other.equals(key))
                .forEach(other -> assertFalse(error.contains(other + ":"), () -> other + " is set, yet named: " + error));
    }

    @Test
    void redisIsRequired() {
        // everything of ci/default-values.yaml but Redis
        String error = renderError(Map.of("image.registry", "registry.example.com", "postgresql.host", "pg",
                "postgresql.existingSecret", "pg-secret", "kafka.bootstrapServers", "kafka:9092",
                "gateway.operatorToken.existingSecret", "operator", "trust.existingSecret", "trust"));

        assertTrue(error.contains("redis.nodes:"), error);
        REQUIRED.stream().filter(other -> !other.equals("redis.nodes"))
                .forEach(other -> assertFalse(error.contains(other + ":"), () -> other + " is set, yet named: " + error));
    }

    @Test
    void saslNeedsTheSecretWithItsJaasConfiguration() {
        String error = renderError(Map.of("kafka.sasl.mechanism", "SCRAM-SHA-512"), Chart.ci("default-values.yaml"));

        assertTrue(error.contains("kafka.sasl.existingSecret:"), error);
    }

    @Test
    void standaloneRedisTakesOneNode() {
        String error = renderError(Map.of("redis.nodes[0]", "a:6379", "redis.nodes[1]", "b:6379"),
                Chart.ci("default-values.yaml"));

        assertTrue(error.contains("redis.nodes:"), error);
    }

    @Test
    void anIngressNeedsAHostName() {
        String error = renderError(Map.of("ingress.enabled", "true"), Chart.ci("default-values.yaml"));

        assertTrue(error.contains("ingress.hostname:"), error);
    }

    static String renderError(Map<String, String> set, Path... values) {
        RuntimeException failure = assertThrows(RuntimeException.class, () -> Chart.template(set, values));
        return failure.getMessage();
    }
}
