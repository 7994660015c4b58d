package dev.marquee.infra.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;

import dev.marquee.contracts.Topics;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import kafka.tools.StorageTool;

/**
 * A real single-node Kafka broker (KRaft, broker and controller in one) running inside this JVM. On start it creates
 * every Marquee topic with its cleanup policy, so that snapshot topics are compacted as in production.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private final KafkaRaftServer server;
    private final Path dir;
    private final boolean deleteOnClose;
    private final String bootstrapServers;

    private EmbeddedKafkaServer(KafkaRaftServer server, Path dir, boolean deleteOnClose, String bootstrapServers) {
        this.server = server;
        this.dir = dir;
        this.deleteOnClose = deleteOnClose;
        this.bootstrapServers = bootstrapServers;
    }

    /** Starts a broker on {@code port} (0: a free one); {@code dir} is wiped and used, null means a temporary one. */
    public static EmbeddedKafkaServer start(int port, Path dir) throws IOException {
        int brokerPort = port > 0 ? port : FreePort.find();
        int controllerPort = FreePort.find();
        boolean temporary = dir == null;
        Path root = temporary ? Files.createTempDirectory("marquee-kafka") : dir;
        Directories.deleteRecursively(root);
        Files.createDirectories(root);

        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + brokerPort);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("log.dirs", root.resolve("logs").toString());
        p.put("num.partitions", "1");
        // Topics are created below with their real configs; a typo in a topic name must not create a new one.
        p.put("auto.create.topics.enable", "false");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");

        Path config = root.resolve("server.properties");
        try (Writer writer = Files.newBufferedWriter(config)) {
            p.store(writer, "marquee embedded kafka");
        }
        ByteArrayOutputStream formatOutput = new ByteArrayOutputStream();
        int rc = StorageTool.execute(
                new String[]{"format", "-t", Uuid.randomUuid().toString(), "-c", config.toString()},
                new PrintStream(formatOutput, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IOException("kafka storage format failed: " + formatOutput.toString(StandardCharsets.UTF_8));
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(p, false), Time.SYSTEM);
        server.startup();
        String bootstrap = "127.0.0.1:" + brokerPort;
        EmbeddedKafkaServer kafka = new EmbeddedKafkaServer(server, root, temporary, bootstrap);
        try {
            kafka.createTopics();
        } catch (IOException | RuntimeException e) {
            kafka.close();
            throw e;
        }
        return kafka;
    }

    public String bootstrapServers() {
        return bootstrapServers;
    }

    private void createTopics() throws IOException {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrapServers))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
            List<NewTopic> topics = Topics.ALL.stream()
                    .map(spec -> new NewTopic(spec.name(), 1, (short) 1).configs(Map.of(
                            TopicConfig.CLEANUP_POLICY_CONFIG,
                            spec.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE)))
                    .toList();
            admin.createTopics(topics).all().get(60, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IOException("creating topics failed", e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while creating topics", e);
        } catch (TimeoutException e) {
            throw new IOException("kafka did not answer within 60 s", e);
        }
    }

    @Override
    public void close() throws IOException {
        server.shutdown();
        server.awaitShutdown();
        if (deleteOnClose) {
            Directories.deleteRecursively(dir);
        }
    }
}
