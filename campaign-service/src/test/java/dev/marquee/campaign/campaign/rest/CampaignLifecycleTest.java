package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.act;
import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CampaignLifecycleTest {

    @Test
    void aNewCampaignIsADraftThatCanBeRead() {
        String appId = createApp("Lifecycle");
        String id = createCampaign(appId, welcomeCampaign());

        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("version", equalTo(1))
                .body("variants[0].id", equalTo("A"))
                .body("variants[0].weight", equalTo(100))
                .body("variants[0].message.title", equalTo("Hello"))
                .body("variants[0].message.buttons[0].action", equalTo("DISMISS"))
                .body("triggers[0].type", equalTo("SESSION_START"));
    }

    @Test
    void theWholeLifeOfACampaign() {
        String appId = createApp("States");
        String id = createCampaign(appId, welcomeCampaign());

        act(appId, id, "activate").then().statusCode(200).body("state", equalTo("ACTIVE")).body("version", equalTo(2));
        act(appId, id, "pause").then().statusCode(200).body("state", equalTo("PAUSED")).body("version", equalTo(3));
        act(appId, id, "resume").then().statusCode(200).body("state", equalTo("ACTIVE")).body("version", equalTo(4));
        act(appId, id, "end").then().statusCode(200).body("state", equalTo("ENDED")).body("version", equalTo(5));
        act(appId, id, "archive").then().statusCode(200).body("state", equalTo("ARCHIVED")).body("version", equalTo(6));
    }

    @Test
    void repeatingAnActionChangesNothing() {
        String appId = createApp("Retry");
        String id = createCampaign(appId, welcomeCampaign());

        act(appId, id, "activate").then().statusCode(200).body("version", equalTo(2));
        act(appId, id, "activate").then().statusCode(200).body("state", equalTo("ACTIVE")).body("version", equalTo(2));
    }

    @Test
    void anIllegalTransitionIsAConflict() {
        String appId = createApp("Conflict");
        String id = createCampaign(appId, welcomeCampaign());

        act(appId, id, "pause").then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("cannot pause a draft campaign"));
        act(appId, id, "end").then().statusCode(409);
        act(appId, id, "activate").then().statusCode(200);
        act(appId, id, "archive").then().statusCode(409);
        act(appId, id, "launch").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void updatingALiveCampaignMakesANewVersion() {
        String appId = createApp("Update");
        String id = createCampaign(appId, welcomeCampaign());
        act(appId, id, "activate").then().statusCode(200);

        Map<String, Object> changed = new HashMap<>(welcomeCampaign());
        changed.put("name", "Welcome, revised");
        given().contentType(ContentType.JSON).body(changed)
                .when().put("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().statusCode(200)
                .body("name", equalTo("Welcome, revised"))
                .body("state", equalTo("ACTIVE"))
                .body("version", equalTo(3));
    }

    @Test
    void activationIsRecordedOnceAndNeitherEditsNorPauseMoveIt() {
        String appId = createApp("Activated");
        String id = createCampaign(appId, welcomeCampaign());
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().statusCode(200).body("activatedAt", nullValue());

        String activatedAt = act(appId, id, "activate").then().statusCode(200)
                .body("activatedAt", notNullValue()).extract().path("activatedAt");

        Map<String, Object> changed = new HashMap<>(welcomeCampaign());
        changed.put("name", "Welcome, revised");
        String updatedAt = given().contentType(ContentType.JSON).body(changed)
                .when().put("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().statusCode(200).body("activatedAt", equalTo(activatedAt)).extract().path("updatedAt");
        assertThat(Instant.parse(updatedAt).isAfter(Instant.parse(activatedAt)), is(true));
        act(appId, id, "pause").then().statusCode(200).body("activatedAt", equalTo(activatedAt));
        act(appId, id, "resume").then().statusCode(200).body("activatedAt", equalTo(activatedAt));
        act(appId, id, "activate").then().statusCode(200).body("activatedAt", equalTo(activatedAt));
    }

    @Test
    void onlyADraftCanBeDeletedAndAnEndedOneNotChanged() {
        String appId = createApp("Delete");
        String draft = createCampaign(appId, welcomeCampaign());
        given().when().delete("/v1/apps/{appId}/campaigns/{id}", appId, draft).then().statusCode(204);
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, draft).then().statusCode(404);

        String live = createCampaign(appId, welcomeCampaign());
        act(appId, live, "activate").then().statusCode(200);
        given().when().delete("/v1/apps/{appId}/campaigns/{id}", appId, live).then().statusCode(409);
        act(appId, live, "end").then().statusCode(200);
        given().contentType(ContentType.JSON).body(welcomeCampaign())
                .when().put("/v1/apps/{appId}/campaigns/{id}", appId, live)
                .then().statusCode(409).contentType("application/problem+json");
    }
}
