package dev.marquee.bench.delivery;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.marquee.infra.store.EmbeddedKafkaServer;
import dev.marquee.infra.store.EmbeddedRedisServer;

/**
 * The bench's stores: real Redis and Kafka (infra's embedded ones) on fixed ports, until the process is stopped.
 * Run (bench/delivery/run.sh does): java -cp <bench classpath> dev.marquee.bench.delivery.Stores <redisPort> <kafkaPort> <dir>
 */
public class Stores {

    public static void main(String[] args) throws Exception {
        int redisPort = Integer.parseInt(args[0]);
        int kafkaPort = Integer.parseInt(args[1]);
        Path dir = Files.createDirectories(Path.of(args[2]));
        EmbeddedRedisServer redis = EmbeddedRedisServer.start(redisPort, dir.resolve("redis.pid"));
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.start(kafkaPort, dir.resolve("kafka"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                kafka.close();
                redis.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        System.out.println("stores ready: redis " + redis.url() + ", kafka " + kafka.bootstrapServers());
        Thread.currentThread().join();
    }
}
