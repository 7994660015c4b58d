package dev.marquee.campaign.outbox;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.marquee.campaign.TopicReader;
import dev.marquee.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 18 item 9: an outbox event that Kafka refuses for its own reason is moved to {@code outbox_dead_letter} after
 * the configured attempts, with the reason, counted, and the events after it are published.
 */
@QuarkusTest
class OutboxPoisonTest {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void anEventKafkaKeepsRefusingIsDeadLetteredAndTheEventsAfterItArePublished() throws Exception {
        String appId = createApp("Poison");
        String id = createCampaign(appId, welcomeCampaign());
        String key = appId + ":" + id;
        ConsumerRecord<String, String> created = TopicReader.records(bootstrap, Topics.CAMPAIGN_EVENTS, key, 1).get(0);

        // a well-formed snapshot, larger than the producer's max.request.size (1 MB): refused every time
        ObjectNode event = (ObjectNode) json.readTree(created.value());
        ((ObjectNode) event.get("campaign")).put("name", "x".repeat(1_200_000));
        String bigKey = appId + ":too-big";
        long bigId = OutboxTable.insert(dataSource, Topics.CAMPAIGN_EVENTS, bigKey, json.writeValueAsString(event));
        given().when().post("/v1/apps/{appId}/campaigns/{id}/actions/activate", appId, id).then().statusCode(200);

        // committed after the refused one, published all the same
        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.CAMPAIGN_EVENTS, key, 2);
        assertEquals(2, records.size());
        assertTrue(records.get(1).value().contains("\"PUBLISHED\""));

        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxTable.rows(dataSource, bigKey) == 0);
        List<OutboxTable.DeadLetter> letters = OutboxTable.deadLetters(dataSource, bigKey);
        assertEquals(1, letters.size());
        OutboxTable.DeadLetter letter = letters.get(0);
        assertEquals(bigId, letter.id());
        assertEquals(Topics.CAMPAIGN_EVENTS, letter.topic());
        assertEquals(5, letter.attempts());
        assertTrue(letter.reason().startsWith("org.apache.kafka.common.errors.RecordTooLargeException"), letter.reason());
        assertEquals(json.writeValueAsString(event), letter.payload(), "kept whole, to be published again by hand");
        assertTrue(TopicReader.records(bootstrap, Topics.CAMPAIGN_EVENTS, bigKey, 0).isEmpty());

        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("marquee_dead_letters_total{destination=\"outbox_dead_letter\","
                        + "reason=\"RecordTooLargeException\",source=\"outbox\"}"));
    }
}
