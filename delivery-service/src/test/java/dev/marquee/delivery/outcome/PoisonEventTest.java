package dev.marquee.delivery.outcome;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.delivery.Catalogue;
import dev.marquee.delivery.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Issue 18 item 9: a goal event whose attribution keeps failing is set aside on {@code delivery.user-events.dlq.v1}
 * with its reason, and the conversions after it are still attributed (it used to stop the channel).
 */
@QuarkusTest
class PoisonEventTest {

    static final String DEAD_LETTERS = "delivery.user-events.dlq.v1";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void aGoalEventThatKeepsFailingIsDeadLetteredAndLaterConversionsCount() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(100, 100, 0));
        app.publish(Catalogue.withGoals(campaign(app.appId, "upsell", SESSION_START, Frequency.DEFAULT),
                new Goals(List.of(new Goals.GoalEvent("purchase", List.of())), 3)));
        assertThat(app.shown("ana", "s1"), equalTo("upsell"));

        // a goal event of a year no instant in milliseconds reaches: its attribution throws, every time
        String poison = """
                {"eventId": "poison-1", "type": "TRACK", "appId": "%s", "userId": "ana",
                 "occurredAt": "-300000000-01-01T00:00:00Z", "name": "purchase", "properties": {}, "attributes": {}}
                """.formatted(app.appId);
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            companion.produceStrings().fromRecords(new ProducerRecord<>(Topics.USER_EVENTS, app.appId + ":ana", poison))
                    .awaitCompletion(Duration.ofSeconds(15));
        }
        given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                .body(Map.of("userId", "ana", "sessionId", UUID.randomUUID().toString(),
                        "events", List.of(Map.of("eventId", "real-1", "type", "purchase"))))
                .when().post("/v1/sdk/events")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> conversions = TopicReader.records(bootstrap, Topics.DELIVERY_OUTCOMES,
                app.appId + ":upsell", 1);
        assertThat(conversions, hasSize(1));
        JsonNode conversion = json.readTree(conversions.get(0).value());
        assertThat(conversion.get("type").asText(), equalTo("CONVERSION"));

        List<ConsumerRecord<String, String>> letters = TopicReader.records(bootstrap, DEAD_LETTERS, app.appId + ":ana",
                1);
        assertThat(letters, hasSize(1));
        assertThat(letters.get(0).value(), containsString("\"poison-1\""));
        assertThat(header(letters.get(0), "dead-letter-exception-class-name"), equalTo("java.lang.ArithmeticException"));
        assertThat(header(letters.get(0), "dead-letter-attempts"), equalTo("5"));

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("marquee_dead_letters_total{destination=\"delivery.user-events.dlq.v1\","
                        + "reason=\"ArithmeticException\",source=\"user.events.v1\"}"));
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
