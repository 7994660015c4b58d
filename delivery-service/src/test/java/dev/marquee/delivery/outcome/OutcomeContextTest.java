package dev.marquee.delivery.outcome;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.delivery.Catalogue;
import dev.marquee.delivery.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Outcomes carry what a campaign's report splits by: the platform, locale and app version of the device, from the
 * SDK's interactions batch and from the events batch that caused a control group's exposure (issue 20).
 */
@QuarkusTest
class OutcomeContextTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void anInteractionCarriesTheDeviceContextOfItsBatch() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT));
        interactions(app.appId, Map.of("platform", "Android", "locale", "fr-CA", "appVersion", "2.1.0"), "i-1")
                .then().statusCode(200).body("results[0].status", equalTo("accepted"));
        interactions(app.appId, Map.of(), "i-2").then().statusCode(200);

        List<JsonNode> outcomes = outcomes(app.appId, "welcome", 2);
        assertEquals("android", outcomes.get(0).get("platform").asText());
        assertEquals("fr-CA", outcomes.get(0).get("locale").asText());
        assertEquals("2.1.0", outcomes.get(0).get("appVersion").asText());
        assertTrue(outcomes.get(1).path("platform").isMissingNode() || outcomes.get(1).get("platform").isNull(),
                "unknown when the batch does not say");
    }

    @Test
    void aControlGroupsExposureCarriesTheContextOfTheEventsThatCausedIt() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(1000, 1000, 0));
        app.publish(Catalogue.withVariants(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT),
                campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT).variants(), 100));
        Map<String, Object> batch = new HashMap<>(Catalogue.batch("ana", "s-1", Catalogue.sessionStart()));
        batch.put("platform", "ios");
        batch.put("locale", "de");
        batch.put("appVersion", "5.0.0-beta.2");
        given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON).body(batch)
                .when().post("/v1/sdk/events").then().statusCode(200);

        JsonNode exposure = outcomes(app.appId, "welcome", 1).get(0);
        assertEquals("CONTROL_EXPOSURE", exposure.get("type").asText());
        assertEquals("ios", exposure.get("platform").asText());
        assertEquals("de", exposure.get("locale").asText());
        assertEquals("5.0.0-beta.2", exposure.get("appVersion").asText());
    }

    @Test
    void anUnknownPlatformIsNamed() {
        Catalogue app = new Catalogue(json, bootstrap);
        interactions(app.appId, Map.of("platform", "tizen"), "i-3")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("platform"));
    }

    private static io.restassured.response.Response interactions(String appId, Map<String, Object> context,
            String eventId) {
        Map<String, Object> body = new HashMap<>(context);
        body.put("userId", "ana");
        body.put("interactions", List.of(Map.of("eventId", eventId, "type", "impression", "campaignId", "welcome",
                "version", 1, "variant", "A")));
        return given().header("X-Marquee-App-Id", appId).contentType(ContentType.JSON).body(body)
                .when().post("/v1/sdk/interactions");
    }

    private List<JsonNode> outcomes(String appId, String campaignId, int count) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.DELIVERY_OUTCOMES,
                appId + ":" + campaignId, count);
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            nodes.add(json.readTree(r.value()));
        }
        return nodes;
    }
}
