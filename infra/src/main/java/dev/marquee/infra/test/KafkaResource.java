package dev.marquee.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.marquee.infra.store.EmbeddedKafkaServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real single-node Kafka (KRaft) with every Marquee topic, on a random port, for {@code @QuarkusTest}s. Tests of
 * what a Kafka outage does can stop the broker and start a new one on the same port ({@link #stopBroker()},
 * {@link #restartBroker()}); the new broker is empty but for the topics.
 */
public class KafkaResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafkaServer kafka;
    private static int port;

    @Override
    public Map<String, String> start() {
        startBroker(0);
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        stopBroker();
    }

    public static synchronized void stopBroker() {
        if (kafka != null) {
            try {
                kafka.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            kafka = null;
        }
    }

    public static synchronized void restartBroker() {
        stopBroker();
        startBroker(port);
    }

    private static synchronized void startBroker(int onPort) {
        try {
            kafka = EmbeddedKafkaServer.start(onPort, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = Integer.parseInt(kafka.bootstrapServers().substring(kafka.bootstrapServers().lastIndexOf(':') + 1));
    }
}
