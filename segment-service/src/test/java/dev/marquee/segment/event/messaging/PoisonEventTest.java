package dev.marquee.segment.event.messaging;

import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static dev.marquee.segment.SegmentApi.track;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.segment.RedisProbe;
import dev.marquee.segment.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Issue 18 item 9: a record of {@code user.events.v1} that keeps failing is set aside on the dead-letter topic with its
 * reason and counted, and the records after it (the same user's too) are applied.
 */
@QuarkusTest
class PoisonEventTest {

    static final String USER_EVENTS = "user.events.v1";
    static final String DEAD_LETTERS = "segment.user-events.dlq.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RedisProbe redis;

    @Test
    void anEventThatKeepsFailingIsDeadLetteredAndTheRestFlowsOn() {
        String appId = newApp();
        String segmentId = createSegment(appId, "Buyers", Map.of("event", "purchase", "times", 1, "withinDays", 30));
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, segmentId)));

        // readable and complete, but of a year no day counter can be named for: applying it throws, every time
        String poison = """
                {"eventId": "poison-1", "type": "TRACK", "appId": "%s", "userId": "pat",
                 "occurredAt": "-300000000-01-01T00:00:00Z", "name": "purchase", "properties": {}, "attributes": {}}
                """.formatted(appId);
        produce(appId + ":pat", poison);
        ingest(appId, track("ida", "purchase", Map.of()), track("pat", "purchase", Map.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> redis.segmentsOf(appId, "ida").contains(segmentId)
                && redis.segmentsOf(appId, "pat").contains(segmentId));

        List<ConsumerRecord<String, String>> letters = TopicReader.records(bootstrap, DEAD_LETTERS, appId + ":pat", 1);
        assertEquals(1, letters.size(), "the poison event, once");
        ConsumerRecord<String, String> letter = letters.get(0);
        assertTrue(letter.value().contains("\"poison-1\""), letter.value());
        assertEquals("java.time.DateTimeException", header(letter, "dead-letter-exception-class-name"));
        assertEquals("5", header(letter, "dead-letter-attempts"));
        assertEquals(USER_EVENTS, header(letter, "dead-letter-topic"));
        assertTrue(Long.parseLong(header(letter, "dead-letter-offset")) >= 0);

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("marquee_dead_letters_total{destination=\"segment.user-events.dlq.v1\","
                        + "reason=\"DateTimeException\",source=\"user.events.v1\"}"));
    }

    @Test
    void aRecordThatIsNoUserEventIsDeadLetteredAtOnceAsReceived() {
        String appId = newApp();
        String segmentId = createSegment(appId, "Buyers", Map.of("event", "purchase", "times", 1, "withinDays", 30));
        await().atMost(Duration.ofSeconds(15)).until(() -> "1".equals(redis.readyVersion(appId, segmentId)));

        produce(appId + ":zed", "{not json");
        ingest(appId, track("ida", "purchase", Map.of()));

        await().atMost(Duration.ofSeconds(30)).until(() -> redis.segmentsOf(appId, "ida").contains(segmentId));
        List<ConsumerRecord<String, String>> letters = TopicReader.records(bootstrap, DEAD_LETTERS, appId + ":zed", 1);
        assertEquals(1, letters.size());
        assertEquals("{not json", letters.get(0).value());
        assertEquals("0", header(letters.get(0), "dead-letter-attempts"));
        assertTrue(header(letters.get(0), "dead-letter-reason").startsWith("not a user event"),
                header(letters.get(0), "dead-letter-reason"));
    }

    private void produce(String key, String value) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>(USER_EVENTS, key, value))
                    .awaitCompletion(Duration.ofSeconds(15));
        }
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
