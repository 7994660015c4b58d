package dev.marquee.campaign.outbox;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.campaign.TopicReader;
import dev.marquee.contracts.Topics;
import dev.marquee.infra.test.KafkaResource;
import io.quarkus.test.junit.QuarkusTest;

/** Kafka down: campaign writes keep working, the outbox keeps the events, and they are published once it is back. */
@QuarkusTest
class OutboxDurabilityTest {

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void eventsWrittenWhileKafkaIsDownArePublishedWhenItIsBack() throws Exception {
        String appId = createApp("Outage");
        String id = createCampaign(appId, welcomeCampaign());
        String key = appId + ":" + id;
        await().atMost(Duration.ofSeconds(10)).until(() -> OutboxTable.rows(dataSource, key) == 0);

        KafkaResource.stopBroker();
        try {
            given().when().post("/v1/apps/{appId}/campaigns/{id}/actions/activate", appId, id)
                    .then().statusCode(200).body("state", equalTo("ACTIVE"));
            given().when().get("/q/health/ready").then().statusCode(200);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> OutboxTable.rows(dataSource, key) == 1);
            // an outage is no fault of the event: nothing counted against it
            assertEquals(0, OutboxTable.attempts(dataSource, key));
        } finally {
            KafkaResource.restartBroker();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> OutboxTable.rows(dataSource, key) == 0);
        assertTrue(OutboxTable.deadLetters(dataSource, key).isEmpty(), "an outage never dead-letters");
        // the creation was published before the outage; the activation after it
        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.CAMPAIGN_EVENTS, key, 1);
        assertEquals(1, records.size());
        assertTrue(records.get(0).value().contains("\"PUBLISHED\""));
    }
}
