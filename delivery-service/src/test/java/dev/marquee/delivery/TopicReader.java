package dev.marquee.delivery;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Reads a topic from its start, as a consumer would, and keeps the records of one key. */
public final class TopicReader {

    private TopicReader() {
    }

    /** Waits until {@code count} records of {@code key} arrived, then a moment more to catch any extra one. */
    public static List<ConsumerRecord<String, String>> records(String bootstrap, String topic, String key, int count) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> task = companion.consumeStrings().fromTopics(topic);
            try {
                await().atMost(Duration.ofSeconds(15)).until(() -> ofKey(task, key).size() >= count);
                // an event published twice would arrive right behind the others
                await().pollDelay(Duration.ofMillis(500)).until(() -> true);
                return ofKey(task, key);
            } finally {
                task.stop();
            }
        }
    }

    private static List<ConsumerRecord<String, String>> ofKey(ConsumerTask<String, String> task, String key) {
        return task.getRecords().stream().filter(r -> key.equals(r.key())).toList();
    }
}
