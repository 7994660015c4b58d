package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.act;
import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
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

/** Every committed change: one version with its snapshot, one audit entry, exactly one event. */
@QuarkusTest
class CampaignHistoryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void eachChangeIsOneVersionOneAuditEntryAndExactlyOneEvent() throws Exception {
        String appId = createApp("History");
        String id = given().contentType(ContentType.JSON).header("X-Marquee-Principal", "admin-token:t-1")
                .body(welcomeCampaign())
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(201).extract().path("id");
        Map<String, Object> changed = new HashMap<>(welcomeCampaign());
        changed.put("name", "Second wording");
        given().contentType(ContentType.JSON).header("X-Marquee-Principal", "admin-token:t-2").body(changed)
                .when().put("/v1/apps/{appId}/campaigns/{id}", appId, id).then().statusCode(200);
        act(appId, id, "activate").then().statusCode(200);
        act(appId, id, "activate").then().statusCode(200); // a retry: no new version, no event
        act(appId, id, "pause").then().statusCode(200);

        given().when().get("/v1/apps/{appId}/campaigns/{id}/versions", appId, id)
                .then().statusCode(200)
                .body("items.version", contains(4, 3, 2, 1))
                .body("items[0].campaign.state", equalTo("PAUSED"))
                .body("items[2].campaign.name", equalTo("Second wording"))
                .body("items[3].campaign.name", equalTo("Welcome"))
                .body("items[3].principal", equalTo("admin-token:t-1"))
                .body("nextCursor", nullValue());
        given().when().get("/v1/apps/{appId}/campaigns/{id}/audit", appId, id)
                .then().statusCode(200)
                .body("items.action", contains("pause", "activate", "updated", "created"))
                .body("items.version", contains(4, 3, 2, 1))
                .body("items[2].principal", equalTo("admin-token:t-2"))
                .body("items[0].principal", equalTo("unknown"))
                // what each change did, before and after
                .body("items[0].changes.field", contains("state"))
                .body("items[0].changes[0].before", equalTo("ACTIVE"))
                .body("items[0].changes[0].after", equalTo("PAUSED"))
                .body("items[2].changes.field", contains("name"))
                .body("items[2].changes[0].before", equalTo("Welcome"))
                .body("items[2].changes[0].after", equalTo("Second wording"))
                .body("items[3].changes", nullValue());

        List<ConsumerRecord<String, String>> events = TopicReader.records(bootstrap, Topics.CAMPAIGN_EVENTS,
                appId + ":" + id, 4);
        assertEquals(List.of("CREATED:1", "UPDATED:2", "PUBLISHED:3", "PAUSED:4"),
                events.stream().map(this::typeAndVersion).toList());
    }

    @Test
    void historyPagesWithACursor() {
        String appId = createApp("Pages");
        String id = given().contentType(ContentType.JSON).body(welcomeCampaign())
                .when().post("/v1/apps/{appId}/campaigns", appId).then().statusCode(201).extract().path("id");
        act(appId, id, "activate").then().statusCode(200);
        act(appId, id, "pause").then().statusCode(200);

        String cursor = given().queryParam("limit", 2)
                .when().get("/v1/apps/{appId}/campaigns/{id}/versions", appId, id)
                .then().statusCode(200).body("items.version", contains(3, 2))
                .extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/v1/apps/{appId}/campaigns/{id}/versions", appId, id)
                .then().statusCode(200).body("items.version", contains(1)).body("nextCursor", nullValue());
        given().queryParam("cursor", "not-a-cursor")
                .when().get("/v1/apps/{appId}/campaigns/{id}/audit", appId, id)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anotherWorkspacesHistoryIsNotFound() {
        String owner = createApp("Owner of history");
        String other = createApp("Curious");
        String id = given().contentType(ContentType.JSON).body(welcomeCampaign())
                .when().post("/v1/apps/{appId}/campaigns", owner).then().statusCode(201).extract().path("id");

        given().when().get("/v1/apps/{appId}/campaigns/{id}/versions", other, id).then().statusCode(404);
        given().when().get("/v1/apps/{appId}/campaigns/{id}/audit", other, id).then().statusCode(404);
        act(other, id, "activate").then().statusCode(404);
    }

    private String typeAndVersion(ConsumerRecord<String, String> record) {
        try {
            JsonNode event = json.readTree(record.value());
            return event.get("type").asText() + ":" + event.at("/campaign/version").asInt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
