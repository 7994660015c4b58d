package dev.marquee.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.marquee.infra.store.EmbeddedKafkaServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real single-node Kafka (KRaft) with every Marquee topic, on a random port, for {@code @QuarkusTest}s. */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedKafkaServer kafka;

    @Override
    public Map<String, String> start() {
        try {
            kafka = EmbeddedKafkaServer.start(0, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
