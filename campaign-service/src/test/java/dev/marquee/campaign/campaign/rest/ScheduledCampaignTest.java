package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.act;
import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.campaign.rest.TriggersAndTargetingTest.with;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.TopicReader;
import dev.marquee.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ScheduledCampaignTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void activatedBeforeItsStartItIsScheduledThenStartsAndEndsOnTime() throws Exception {
        String appId = createApp("Scheduled");
        Instant start = Instant.now().plusSeconds(3);
        String id = createCampaign(appId, with("schedule", Map.of("startAt", start.toString(),
                "endAt", start.plusSeconds(3).toString())));

        act(appId, id, "activate").then().statusCode(200).body("state", equalTo("SCHEDULED"));
        act(appId, id, "activate").then().statusCode(200).body("version", equalTo(2));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ACTIVE".equals(state(appId, id)));
        await().atMost(Duration.ofSeconds(10)).until(() -> "ENDED".equals(state(appId, id)));

        List<ConsumerRecord<String, String>> events = TopicReader.records(bootstrap, Topics.CAMPAIGN_EVENTS,
                appId + ":" + id, 4);
        ObjectMapper json = new ObjectMapper();
        List<String> types = events.stream().map(r -> {
            try {
                return json.readTree(r.value()).get("type").asText();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertEquals(List.of("CREATED", "SCHEDULED", "PUBLISHED", "ENDED"), types);
        // it went live when the clock started it, not when it was activated ahead of its start
        assertFalse(json.readTree(events.get(1).value()).path("campaign").hasNonNull("activatedAt"));
        Instant activatedAt = Instant.parse(json.readTree(events.get(2).value()).path("campaign").path("activatedAt")
                .asText());
        assertFalse(activatedAt.isBefore(start));
        given().when().get("/v1/apps/{appId}/campaigns/{id}/audit", appId, id)
                .then().body("items[0].principal", equalTo("schedule"))
                .body("items[0].action", equalTo("end"))
                .body("items[1].action", equalTo("start"));
    }

    @Test
    void aCampaignPastItsEndCannotGoLive() {
        String appId = createApp("Too late");
        Instant past = Instant.now().minusSeconds(60);
        String id = createCampaign(appId, with("schedule", Map.of("startAt", past.minusSeconds(60).toString(),
                "endAt", past.toString())));
        act(appId, id, "activate").then().statusCode(409).contentType("application/problem+json");
    }

    private static String state(String appId, String id) {
        return given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id).then().extract().path("state");
    }
}
