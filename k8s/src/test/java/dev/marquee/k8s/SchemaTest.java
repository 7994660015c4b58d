package dev.marquee.k8s;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.marcnuri.helm.LintResult;

/** values.schema.json turns a wrong value into an error before anything is rendered. */
class SchemaTest {

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
            "gateway.replicas, two, '/gateway/replicas'",
            "deliveryService.replicas, 0, '/deliveryService/replicas'",
            "gateway.replica, 3, '/gateway'", // a typo is an unknown key, not a silently ignored one
            "image.tag, latest, '/image/tag'",
            "redis.mode, sentinel, '/redis/mode'",
            "kafka.sasl.mechanism, GSSAPI-ish, '/kafka/sasl/mechanism'",
            "kafka.bootstrapServers, kafka.example.com, '/kafka/bootstrapServers'",
            "campaignService.image.digest, sha256:abc, '/campaignService/image/digest'",
            "postgresql.port, 99999, '/postgresql/port'",
    })
    void templateRejects(String key, String value, String where) {
        RuntimeException failure = assertThrows(RuntimeException.class,
                () -> Chart.template(Map.of(key, value), Chart.ci("default-values.yaml")));

        assertTrue(failure.getMessage().contains("schema"), failure.getMessage());
        assertTrue(failure.getMessage().contains(where), failure.getMessage());
    }

    @Test
    void lintRejectsReplicasTwo() throws IOException {
        Path values = Files.createTempFile("replicas-two-", ".yaml");
        Files.writeString(values, "gateway:\n  replicas: two\n");

        LintResult result = Chart.lint(Chart.ci("default-values.yaml"), values);

        assertTrue(result.isFailed(), String.join("\n", result.getMessages()));
        assertTrue(String.join("\n", result.getMessages()).contains("/gateway/replicas"), result.getMessages().toString());
    }

    @Test
    void theSameValuesPassWithANumber() {
        assertFalse(Chart.template(Map.of("gateway.replicas", "3"), Chart.ci("default-values.yaml")).objects().isEmpty());
    }
}
