package dev.marquee.k8s;

import static dev.marquee.k8s.Manifests.at;
import static dev.marquee.k8s.Manifests.list;
import static dev.marquee.k8s.Manifests.str;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** No credential is ever a literal: the chart creates no Secret and reads every credential with secretKeyRef. */
class SecretsTest {

    static final Pattern SENSITIVE = Pattern.compile("PASSWORD|SECRET|TOKEN|JAAS|CREDENTIAL|_KEY$|_KEYS$");

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void noSecretOrConfigMapIsCreated(Manifests manifests) {
        assertTrue(manifests.ofKind("Secret").isEmpty());
        assertTrue(manifests.ofKind("ConfigMap").isEmpty());
    }

    @ParameterizedTest
    @MethodSource("dev.marquee.k8s.Renders#all")
    void everySensitiveVariableComesFromASecretKeyRef(Manifests manifests) {
        for (Map<String, Object> pod : manifests.podSpecs()) {
            for (Object container : list(pod, "containers")) {
                Object env = at(container, "env");
                if (env == null) {
                    continue;
                }
                for (Object var : list(container, "env")) {
                    String name = str(var, "name");
                    if (SENSITIVE.matcher(name).find()) {
                        assertNull(at(var, "value"), name + " must not be a literal");
                        assertNotNull(at(var, "valueFrom", "secretKeyRef", "name"), name + " from a Secret");
                        assertNotNull(at(var, "valueFrom", "secretKeyRef", "key"), name + " from a Secret key");
                    }
                }
            }
        }
    }

    @Test
    void credentialsComeFromTheOperatorsSecrets() {
        Manifests manifests = Renders.cluster();

        assertSecretRef(manifests.env("campaign-service").get("QUARKUS_DATASOURCE_PASSWORD"), "marquee-pg-app", "password");
        assertSecretRef(manifests.env("segment-service").get("QUARKUS_DATASOURCE_PASSWORD"), "marquee-pg-app", "password");
        assertSecretRef(manifests.env("results-service").get("QUARKUS_DATASOURCE_PASSWORD"), "marquee-pg-app", "password");
        assertSecretRef(manifests.env("delivery-service").get("QUARKUS_REDIS_PASSWORD"), "redis-cluster", "redis-password");
        assertSecretRef(manifests.env("gateway").get("MARQUEE_GATEWAY_OPERATOR_TOKEN_SHA256"), "marquee-operator-token",
                "operator-token-sha256");
        for (String component : Chart.COMPONENTS) {
            assertSecretRef(manifests.env(component).get("KAFKA_SASL_JAAS_CONFIG"), "marquee-kafka-user",
                    "sasl.jaas.config");
            // the gateway signs with it, every service verifies: one Secret for all five
            assertSecretRef(manifests.env(component).get("MARQUEE_TRUST_KEYS"), "marquee-trust", "trust-keys");
        }
    }

    @Test
    void theDefaultValuesHoldNoPassword() throws IOException {
        String values = Files.readString(Chart.DIR.resolve("values.yaml"));

        assertFalse(Pattern.compile("(?im)^\\s*(password|token|secret)\\s*:").matcher(values).find(), values);
        assertFalse(values.contains("changeme"));
    }

    private static void assertSecretRef(Map<String, Object> var, String secret, String key) {
        assertNotNull(var, "variable present");
        assertEquals(secret, str(var, "valueFrom", "secretKeyRef", "name"), str(var, "name"));
        assertEquals(key, str(var, "valueFrom", "secretKeyRef", "key"), str(var, "name"));
    }
}
