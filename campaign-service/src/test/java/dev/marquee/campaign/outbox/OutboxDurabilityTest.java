package dev.marquee.campaign.outbox;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.Topics;
import dev.marquee.infra.test.KafkaResource;
import dev.marquee.infra.test.PostgresResource;
import dev.marquee.infra.test.RedisResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Kafka down: campaign writes keep working, the outbox keeps the events, and they are published once it is back. */
@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RedisResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
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

        KafkaResource.stopBroker();
        try {
            given().when().post("/v1/apps/{appId}/campaigns/{id}/activate", appId, id)
                    .then().statusCode(200).body("state", equalTo("ACTIVE"));
            given().when().get("/q/health/ready").then().statusCode(200);
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5))
                    .until(() -> OutboxTable.rows(dataSource, key) == 1);
        } finally {
            KafkaResource.restartBroker();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> OutboxTable.rows(dataSource, key) == 0);
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            ConsumerTask<String, String> task = companion.consumeStrings().fromTopics(Topics.CAMPAIGN_EVENTS);
            try {
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> task.getRecords().stream().anyMatch(r -> key.equals(r.key())));
            } finally {
                task.stop();
            }
        }
    }
}
