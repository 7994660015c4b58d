package dev.marquee.gateway.keys.service;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * Whether the key table has caught up with {@code app.events.v1}: every record below the end offsets found at start
 * has been processed. Once caught up it stays so, also if Kafka goes away (the gateway serves with the table it has).
 */
@ApplicationScoped
public class KeyTableLoad {

    private static final Logger LOG = Logger.getLogger(KeyTableLoad.class);

    private volatile Map<TopicPartition, Long> endOffsets;
    private final Map<TopicPartition, Long> nextOffsets = new ConcurrentHashMap<>();
    private volatile boolean loaded;

    /** The end offsets of every partition of the topic, as the admin client found them at start. */
    public void endOffsetsFound(Map<TopicPartition, Long> endOffsets) {
        this.endOffsets = Map.copyOf(endOffsets);
    }

    /** A record was handled (applied, skipped as a duplicate or as unreadable: all count). */
    public void processed(String topic, int partition, long offset) {
        nextOffsets.merge(new TopicPartition(topic, partition), offset + 1, Math::max);
    }

    public boolean loaded() {
        if (loaded) {
            return true;
        }
        Map<TopicPartition, Long> targets = endOffsets;
        if (targets == null) {
            return false;
        }
        for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
            if (nextOffsets.getOrDefault(target.getKey(), 0L) < target.getValue()) {
                return false;
            }
        }
        loaded = true;
        LOG.infof("key table loaded: every record below %s processed", targets);
        return true;
    }

    /** For the readiness check's data: {@code partition → "next/end"}, empty until the end offsets are known. */
    public Map<String, String> progress() {
        Map<TopicPartition, Long> targets = endOffsets;
        Map<String, String> progress = new TreeMap<>();
        if (targets != null) {
            targets.forEach((partition, end) -> progress.put(partition.toString(),
                    nextOffsets.getOrDefault(partition, 0L) + "/" + end));
        }
        return progress;
    }
}
