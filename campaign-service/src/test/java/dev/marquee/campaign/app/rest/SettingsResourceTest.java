package dev.marquee.campaign.app.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.TopicReader;
import dev.marquee.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SettingsResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void aNewAppStartsWithTheDefaults() {
        String appId = createApp("Defaults");
        given().when().get("/v1/apps/{appId}/settings", appId)
                .then().statusCode(200)
                .body("maxMessagesPerSession", equalTo(10))
                .body("maxMessagesPerDay", equalTo(10))
                .body("minSecondsBetweenMessages", equalTo(30))
                .body("htmlMessages", equalTo(false));
    }

    @Test
    void changedSettingsAreStoredAndPublishedWithTheCredentials() throws Exception {
        String appId = createApp("Tuned");
        given().contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 3, "maxMessagesPerDay", 5, "minSecondsBetweenMessages", 60))
                .when().put("/v1/apps/{appId}/settings", appId)
                .then().statusCode(200).body("maxMessagesPerSession", equalTo(3));
        given().when().get("/v1/apps/{appId}/settings", appId)
                .then().statusCode(200)
                .body("maxMessagesPerDay", equalTo(5))
                .body("minSecondsBetweenMessages", equalTo(60));

        List<ConsumerRecord<String, String>> events = TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 2);
        assertEquals(2, events.size(), "one event for the creation, one for the settings");
        JsonNode changed = json.readTree(events.get(1).value());
        assertEquals("SETTINGS_CHANGED", changed.get("type").asText());
        assertEquals(60, changed.at("/settings/minSecondsBetweenMessages").asInt());
        assertEquals(2, changed.get("credentials").size(), "a compacted snapshot must keep the app's credentials");
    }

    @Test
    void outOfRangeOrMissingValuesAreNamed() {
        String appId = createApp("Bad settings");
        given().contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 0, "maxMessagesPerDay", 5))
                .when().put("/v1/apps/{appId}/settings", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("maxMessagesPerSession"))
                .body("errors.field", hasItem("minSecondsBetweenMessages"));
        given().contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", "many", "maxMessagesPerDay", 5, "minSecondsBetweenMessages", 1))
                .when().put("/v1/apps/{appId}/settings", appId)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("maxMessagesPerSession"));
    }

    @Test
    void testUsersAreStoredPublishedAndChecked() throws Exception {
        String appId = createApp("Previews");
        given().contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 3, "maxMessagesPerDay", 5, "minSecondsBetweenMessages", 60,
                        "testUsers", List.of("qa-ana", "qa-bo", "qa-ana")))
                .when().put("/v1/apps/{appId}/settings", appId)
                .then().statusCode(200).body("testUsers", equalTo(List.of("qa-ana", "qa-bo")));
        given().when().get("/v1/apps/{appId}/settings", appId)
                .then().statusCode(200).body("testUsers", equalTo(List.of("qa-ana", "qa-bo")));
        JsonNode changed = json.readTree(TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 2).get(1).value());
        assertEquals("qa-bo", changed.at("/settings/testUsers/1").asText());

        given().contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 3, "maxMessagesPerDay", 5, "minSecondsBetweenMessages", 60,
                        "testUsers", List.of("ok", "bad\u0001id")))
                .when().put("/v1/apps/{appId}/settings", appId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("testUsers[1]"));
        given().contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 3, "maxMessagesPerDay", 5, "minSecondsBetweenMessages", 60,
                        "testUsers", java.util.stream.IntStream.range(0, 51).mapToObj(i -> "u" + i).toList()))
                .when().put("/v1/apps/{appId}/settings", appId)
                .then().statusCode(400).body("errors[0].field", equalTo("testUsers"));
    }

    @Test
    void anUnknownAppHasNoSettings() {
        given().when().get("/v1/apps/{appId}/settings", "no-such-app").then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 3, "maxMessagesPerDay", 5, "minSecondsBetweenMessages", 60))
                .when().put("/v1/apps/{appId}/settings", "no-such-app")
                .then().statusCode(404);
    }
}
