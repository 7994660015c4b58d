package dev.marquee.campaign.outbox;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.TopicReader;
import dev.marquee.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class OutboxRelayTest {

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper json;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void activationPublishesTheSnapshotKeyedByAppAndCampaign() throws Exception {
        String appId = createApp("Relay");
        String id = createCampaign(appId, welcomeCampaign());
        given().when().post("/v1/apps/{appId}/campaigns/{id}/actions/activate", appId, id).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.CAMPAIGN_EVENTS,
                appId + ":" + id, 2);
        assertEquals(2, records.size(), "one event for the creation, one for the activation");
        assertEquals("CREATED", json.readTree(records.get(0).value()).get("type").asText());
        JsonNode event = json.readTree(records.get(1).value());
        assertEquals("PUBLISHED", event.get("type").asText());
        assertEquals("ACTIVE", event.at("/campaign/state").asText());
        assertEquals(2, event.at("/campaign/version").asInt());
        assertEquals("Hello", event.at("/campaign/variants/0/message/title").asText());
        assertFalse(event.get("eventId").asText().isBlank());
        // the row is deleted once Kafka acknowledged it
        await().atMost(Duration.ofSeconds(5)).until(() -> OutboxTable.rows(dataSource, appId + ":" + id) == 0);
    }

    @Test
    void creatingAnAppPublishesCredentialHashesNeverSecrets() throws Exception {
        String appId = createApp("Hashes");

        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 1);
        assertEquals(1, records.size());
        ConsumerRecord<String, String> record = records.get(0);
        JsonNode event = json.readTree(record.value());
        assertEquals("CREATED", event.get("type").asText());
        assertEquals(2, event.get("credentials").size());
        for (JsonNode credential : event.get("credentials")) {
            assertTrue(credential.get("hash").asText().matches("[0-9a-f]{64}"));
        }
        assertFalse(record.value().contains("mq_pk_"), "an SDK key left the service");
        assertFalse(record.value().contains("mq_at_"), "an admin token left the service");
    }
}
