package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.campaign.rest.TriggersAndTargetingTest.refused;
import static dev.marquee.campaign.campaign.rest.TriggersAndTargetingTest.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.TopicReader;
import dev.marquee.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ExperimentTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void variantsWithAControlGroupReachDeliveryInTheSnapshot() throws Exception {
        String appId = createApp("Experiment");
        Map<String, Object> body = experiment(List.of(variant("A", 45, "Save 10%"), variant("B", 45, "Free shipping")), 10);
        String id = createCampaign(appId, body);

        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().statusCode(200)
                .body("controlPercent", equalTo(10))
                .body("variants.size()", equalTo(2))
                .body("variants[1].message.title", equalTo("Free shipping"));
        List<ConsumerRecord<String, String>> events = TopicReader.records(bootstrap, Topics.CAMPAIGN_EVENTS,
                appId + ":" + id, 1);
        JsonNode snapshot = new ObjectMapper().readTree(events.get(0).value()).get("campaign");
        assertEquals(10, snapshot.get("controlPercent").asInt());
        assertEquals("B", snapshot.get("variants").get(1).get("id").asText());
        assertEquals(45, snapshot.get("variants").get(1).get("weight").asInt());
    }

    @Test
    void aSingleMessageIsVariantAOfTheRemainingShare() {
        String appId = createApp("Single");
        Map<String, Object> body = new HashMap<>(with("controlPercent", 20));
        String id = createCampaign(appId, body);
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().body("variants[0].weight", equalTo(80)).body("controlPercent", equalTo(20));
    }

    @Test
    void weightsMustMakeAHundred() {
        String appId = createApp("Weights");
        refused(appId, experiment(List.of(variant("A", 50, "a"), variant("B", 40, "b")), 0), "variants",
                "make 90; they must make 100");
        refused(appId, experiment(List.of(variant("A", 50, "a"), variant("B", 50, "b")), 10), "variants",
                "make 110");
        refused(appId, experiment(List.of(variant("A", 50, "a"), variant("A", 50, "b")), 0), "variants[1].id",
                "another variant");
        List<Map<String, Object>> nine = new java.util.ArrayList<>();
        for (int i = 0; i < 9; i++) {
            nine.add(variant("V" + i, 10, "v"));
        }
        refused(appId, experiment(nine, 10), "variants", "size must be between 1 and 8");
    }

    @Test
    void variantsShareOneFormatAndExcludeTheShorthand() {
        String appId = createApp("Variant shape");
        Map<String, Object> banner = Map.of("id", "B", "weight", 50, "message",
                Map.of("format", "BANNER", "body", "b", "banner", Map.of("position", "TOP")));
        refused(appId, experiment(List.of(variant("A", 50, "a"), banner), 0), "variants[1].message.format",
                "format of the first");
        Map<String, Object> both = new HashMap<>(experiment(List.of(variant("A", 100, "a")), 0));
        both.put("message", Map.of("format", "MODAL", "title", "t", "body", "b"));
        refused(appId, both, "variants", "not both");
        Map<String, Object> neither = new HashMap<>(with("controlPercent", 0));
        neither.remove("message");
        refused(appId, neither, "message", "is required");
    }

    static Map<String, Object> experiment(List<Map<String, Object>> variants, int control) {
        Map<String, Object> body = new HashMap<>(with("variants", variants));
        body.remove("message");
        body.put("controlPercent", control);
        return body;
    }

    static Map<String, Object> variant(String id, int weight, String title) {
        return Map.of("id", id, "weight", weight, "message", Map.of("format", "MODAL", "title", title, "body", "Offer"));
    }
}
