package dev.marquee.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;

/**
 * Reads {@code delivery.outcomes.v1} and {@code user.events.v1} from the beginning while the browser tests run, and
 * counts the records that match what a test expects.
 */
final class TopicCounts implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration ARRIVAL = Duration.ofSeconds(30);
    /** After the expected count is reached, how long a duplicate still has to show up. */
    private static final Duration SETTLE = Duration.ofSeconds(3);

    /**
     * {@code count} records of {@code topic} whose fields equal those of {@code match}; with {@code distinct} (a field
     * name), {@code count} different values of that field among them. {@code user.events.v1} is at-least-once (its
     * consumers are idempotent on {@code eventId}), so it is counted by distinct {@code eventId}: a retried event may
     * appear twice, a second event may not; {@code delivery.outcomes.v1} is counted record by record.
     */
    record Expectation(String topic, Map<String, String> match, int count, String why, String distinct) {

        String describe() {
            return why + ": " + (distinct == null ? "records" : "distinct " + distinct + " values") + " of " + topic
                    + " matching " + match;
        }
    }

    private record Received(String topic, JsonNode value) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread reader;

    TopicCounts(String bootstrap) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "browser-it-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props);
        consumer.subscribe(List.of(Topics.DELIVERY_OUTCOMES, Topics.USER_EVENTS));
        reader = new Thread(() -> {
            try (consumer) {
                while (running.get()) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        received.add(new Received(record.topic(), parse(record.value())));
                    }
                }
            }
        }, "browser-it-topics");
        reader.setDaemon(true);
        reader.start();
    }

    static List<Expectation> read(Path file) throws IOException {
        List<Expectation> expectations = new ArrayList<>();
        if (!Files.exists(file)) {
            return expectations;
        }
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                expectations.add(JSON.readValue(line, new TypeReference<Expectation>() {
                }));
            }
        }
        return expectations;
    }

    /** Waits for the expected count, then a little longer, and answers how many matching records arrived. */
    int awaitCount(Expectation expectation) throws InterruptedException {
        Instant deadline = Instant.now().plus(ARRIVAL);
        while (count(expectation) < expectation.count() && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        Thread.sleep(SETTLE.toMillis());
        return count(expectation);
    }

    private int count(Expectation expectation) {
        List<JsonNode> matching = received.stream()
                .filter(record -> record.topic().equals(expectation.topic()))
                .map(Received::value)
                .filter(value -> matches(value, expectation.match()))
                .toList();
        if (expectation.distinct() == null) {
            return matching.size();
        }
        return (int) matching.stream().map(value -> value.path(expectation.distinct()).asText()).distinct().count();
    }

    private static boolean matches(JsonNode value, Map<String, String> match) {
        for (Map.Entry<String, String> field : match.entrySet()) {
            JsonNode actual = value.get(field.getKey());
            if (actual == null || !actual.asText().equals(field.getValue())) {
                return false;
            }
        }
        return true;
    }

    private static JsonNode parse(String value) {
        try {
            return JSON.readTree(value);
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            reader.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
