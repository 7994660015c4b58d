package dev.marquee.gateway.keys.service;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.marquee.contracts.Topics;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Finds, once at start, where {@code app.events.v1} ends: the key table is loaded when the consumer has processed
 * everything below. Retries in the background while Kafka is unreachable (the gateway stays not-ready meanwhile).
 */
@ApplicationScoped
public class EndOffsets {

    private static final Logger LOG = Logger.getLogger(EndOffsets.class);
    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final KeyTableLoad load;
    private final Map<String, Object> kafkaConfig;
    private final String topic;
    private volatile boolean stopped;
    private Thread worker;

    @Inject
    public EndOffsets(KeyTableLoad load, @Identifier("default-kafka-broker") Map<String, Object> kafkaConfig,
            @ConfigProperty(name = "mp.messaging.incoming.app-events.topic", defaultValue = Topics.APP_EVENTS) String topic) {
        this.load = load;
        this.kafkaConfig = kafkaConfig;
        this.topic = topic;
    }

    void onStart(@Observes StartupEvent event) {
        worker = new Thread(this::findUntilFound, "key-table-end-offsets");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        stopped = true;
        if (worker != null) {
            worker.interrupt();
        }
    }

    private void findUntilFound() {
        Duration backoff = Duration.ofMillis(200);
        int failures = 0;
        try (Admin admin = Admin.create(adminConfig())) {
            while (!stopped) {
                try {
                    Map<TopicPartition, Long> ends = find(admin);
                    load.endOffsetsFound(ends);
                    LOG.infof("key table: %s ends at %s; loading", topic, ends);
                    return;
                } catch (ExecutionException | TimeoutException e) {
                    failures++;
                    // the first failure and then about every half minute: Kafka may simply not be up yet
                    if (failures == 1 || failures % 10 == 0) {
                        LOG.warnf("key table: cannot read the end offsets of %s yet (%s); retrying", topic,
                                e instanceof ExecutionException && e.getCause() != null
                                        ? e.getCause().getMessage()
                                        : e.getMessage());
                    }
                }
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("key table: the end offsets of " + topic + " cannot be read; the gateway stays not ready", e);
        }
    }

    private Map<TopicPartition, Long> find(Admin admin)
            throws ExecutionException, TimeoutException, InterruptedException {
        TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).get(topic);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(latest).all()
                .get(ATTEMPT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, Long> ends = new HashMap<>();
        offsets.forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /** The channel's Kafka settings (bootstrap servers, security) restricted to what an admin client accepts. */
    private Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>();
        kafkaConfig.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "gateway-end-offsets");
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT_TIMEOUT.toMillis());
        return config;
    }
}
