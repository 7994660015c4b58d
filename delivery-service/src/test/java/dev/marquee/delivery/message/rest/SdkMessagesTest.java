package dev.marquee.delivery.message.rest;

import static dev.marquee.delivery.campaign.service.CampaignSnapshots.event;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignState;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
class SdkMessagesTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    private KafkaCompanion kafka;

    @BeforeEach
    void connect() {
        kafka = new KafkaCompanion(bootstrap);
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Test
    void aPublishedCampaignIsServedAndAPausedOneIsNot() throws Exception {
        String appId = UUID.randomUUID().toString();
        publish(event(appId, "welcome", CampaignState.ACTIVE, 2));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("X-Marquee-App-Id", appId)
                .queryParam("userId", "u-1")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .contentType("application/json")
                .body("userId", equalTo("u-1"))
                .body("messages.campaignId", contains("welcome"))
                .body("messages[0].message.title", equalTo("Title of welcome"))
                .body("messages[0].message.buttons[0].id", equalTo("ok"))
                // parts the message does not have are left out, not sent as null
                .body("messages[0].message", not(hasKey("pages")))
                .body("messages[0].message.buttons[0]", not(hasKey("url")))
                .body("messages[0].triggers[0].type", equalTo("SESSION_START")));

        given().header("X-Marquee-App-Id", appId)
                .queryParam("userId", "u-1")
                .queryParam("locale", "fr-CA")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .body("messages[0].locale", equalTo("fr"))
                .body("messages[0].message.title", equalTo("Titre de welcome"))
                .body("messages[0].message.buttons[0].label", equalTo("D'accord"));

        publish(event(appId, "welcome", CampaignState.PAUSED, 3));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("X-Marquee-App-Id", appId)
                .queryParam("userId", "u-1")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .body("messages", hasSize(0)));
    }

    @Test
    void anUnchangedAnswerIs304AgainstItsEtagAndAChangeGivesANewOne() throws Exception {
        String appId = UUID.randomUUID().toString();
        publish(event(appId, "welcome", CampaignState.ACTIVE, 2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("X-Marquee-App-Id", appId).queryParam("userId", "u")
                .when().get("/v1/sdk/messages")
                .then().body("messages", hasSize(1)));
        String etag = given().header("X-Marquee-App-Id", appId).queryParam("userId", "u")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200).extract().header("ETag");

        given().header("X-Marquee-App-Id", appId).header("If-None-Match", etag).queryParam("userId", "u")
                .when().get("/v1/sdk/messages")
                .then().statusCode(304).header("ETag", equalTo(etag));

        publish(event(appId, "welcome", CampaignState.PAUSED, 3));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("X-Marquee-App-Id", appId).header("If-None-Match", etag).queryParam("userId", "u")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200).body("messages", hasSize(0))
                .header("ETag", org.hamcrest.Matchers.not(equalTo(etag))));
    }

    @Test
    void anotherAppsCampaignIsNeverServed() throws Exception {
        String owner = UUID.randomUUID().toString();
        publish(event(owner, "owned", CampaignState.ACTIVE, 2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given()
                .header("X-Marquee-App-Id", owner).queryParam("userId", "u")
                .when().get("/v1/sdk/messages")
                .then().body("messages", hasSize(1)));

        given().header("X-Marquee-App-Id", UUID.randomUUID().toString()).queryParam("userId", "u")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200).body("messages", hasSize(0));
    }

    @Test
    void aMissingUserIdOrAppIsA400NamingTheField() {
        given().header("X-Marquee-App-Id", "app")
                .when().get("/v1/sdk/messages")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("userId"));
        given().queryParam("userId", "u")
                .when().get("/v1/sdk/messages")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("appId"));
    }

    @Test
    void readinessIsUpOnceTheIndexCaughtUp() {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> given()
                .when().get("/q/health/ready")
                .then().statusCode(200)
                .body("checks.find { it.name == 'campaign-index' }.status", equalTo("UP")));
    }

    private void publish(CampaignEvent event) throws Exception {
        kafka.produceStrings()
                .fromRecords(new ProducerRecord<>(Topics.CAMPAIGN_EVENTS, event.key(), json.writeValueAsString(event)))
                .awaitCompletion(Duration.ofSeconds(10));
    }
}
