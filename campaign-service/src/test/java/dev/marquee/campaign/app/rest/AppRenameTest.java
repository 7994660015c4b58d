package dev.marquee.campaign.app.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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

/** An app made with a wrong name can be renamed: validated like creation, audited, published. */
@QuarkusTest
class AppRenameTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void renamingChangesTheNameAuditsWhoDidItAndPublishesTheApp() throws Exception {
        String appId = createApp("Shpo");

        given().contentType(ContentType.JSON).header("X-Marquee-Principal", "admin-token:k-9")
                .body(Map.of("name", "  Shop  "))
                .when().put("/v1/apps/{appId}", appId)
                .then().statusCode(200)
                .body("id", equalTo(appId))
                .body("name", equalTo("Shop"))
                .body("credentials", hasSize(2));
        given().when().get("/v1/apps/{appId}", appId).then().statusCode(200).body("name", equalTo("Shop"));
        given().when().get("/v1/apps").then().statusCode(200).body("name", hasItem("Shop"))
                .body("name", not(hasItem("Shpo")));
        // the same name again changes nothing: no audit entry, no event
        given().contentType(ContentType.JSON).body(Map.of("name", "Shop"))
                .when().put("/v1/apps/{appId}", appId).then().statusCode(200);

        given().when().get("/v1/apps/{appId}/audit", appId)
                .then().statusCode(200)
                .body("items.action", contains("renamed", "created"))
                .body("items[0].principal", equalTo("admin-token:k-9"))
                .body("items[0].changes[0].field", equalTo("name"))
                .body("items[0].changes[0].before", equalTo("Shpo"))
                .body("items[0].changes[0].after", equalTo("Shop"))
                .body("nextCursor", equalTo(null));

        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 2);
        assertEquals(2, records.size(), "created, then renamed once");
        JsonNode renamed = json.readTree(records.get(1).value());
        assertEquals("Shop", renamed.get("name").asText());
        assertEquals("SETTINGS_CHANGED", renamed.get("type").asText(), "a type every consumer reads");
        assertEquals(2, renamed.get("credentials").size(), "the complete state, keys included");
    }

    @Test
    void aNewNameIsValidatedLikeOneAtCreation() {
        String appId = createApp("Valid");

        given().contentType(ContentType.JSON).body(Map.of("name", " "))
                .when().put("/v1/apps/{appId}", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(201)))
                .when().put("/v1/apps/{appId}", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body(Map.of("name", "Fine", "colour", "red"))
                .when().put("/v1/apps/{appId}", appId)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("colour"));
        given().contentType(ContentType.JSON)
                .when().put("/v1/apps/{appId}", appId)
                .then().statusCode(400)
                .contentType("application/problem+json");

        given().when().get("/v1/apps/{appId}", appId).then().statusCode(200).body("name", equalTo("Valid"));
        given().when().get("/v1/apps/{appId}/audit", appId).then().statusCode(200)
                .body("items.action", contains("created"));
    }

    @Test
    void renamingAnUnknownAppIsNotFound() {
        given().contentType(ContentType.JSON).body(Map.of("name", "Ghost"))
                .when().put("/v1/apps/{appId}", "00000000-0000-0000-0000-000000000000")
                .then().statusCode(404)
                .contentType("application/problem+json");
    }
}
