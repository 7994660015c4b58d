package dev.marquee.infra.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** A suite on random ports: every store and service gets its own port. */
class SuiteConfigTest {

    @Test
    void randomPortsAreAllDifferent() {
        for (int i = 0; i < 50; i++) {
            SuiteConfig config = SuiteConfig.randomPorts(Path.of("."), Path.of("target/suite-config-test"));
            Set<Integer> ports = new HashSet<>(Set.of(config.postgresPort(), config.redisPort(), config.kafkaPort()));
            for (Service service : Service.values()) {
                ports.add(config.port(service));
            }
            assertEquals(3 + Service.values().length, ports.size(), "ports " + ports);
        }
    }
}
