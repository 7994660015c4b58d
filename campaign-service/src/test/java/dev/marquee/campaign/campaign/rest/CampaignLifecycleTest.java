package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import dev.marquee.infra.test.KafkaResource;
import dev.marquee.infra.test.PostgresResource;
import dev.marquee.infra.test.RedisResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = PostgresResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RedisResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
class CampaignLifecycleTest {

    @Test
    void aNewCampaignIsADraftThatCanBeReadAndListed() {
        String appId = createApp("Lifecycle");
        String id = createCampaign(appId, welcomeCampaign());

        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().statusCode(200)
                .body("state", equalTo("DRAFT"))
                .body("version", equalTo(1))
                .body("message.title", equalTo("Hello"))
                .body("message.buttons[0].action", equalTo("DISMISS"))
                .body("triggers[0].type", equalTo("SESSION_START"));
        given().when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(200)
                .body("", hasSize(1))
                .body("[0].id", equalTo(id));
    }

    @Test
    void activatingAndPausingMovesStateAndVersion() {
        String appId = createApp("States");
        String id = createCampaign(appId, welcomeCampaign());

        given().when().post("/v1/apps/{appId}/campaigns/{id}/activate", appId, id)
                .then().statusCode(200).body("state", equalTo("ACTIVE")).body("version", equalTo(2));
        given().when().post("/v1/apps/{appId}/campaigns/{id}/activate", appId, id)
                .then().statusCode(200).body("state", equalTo("ACTIVE")).body("version", equalTo(2));
        given().when().post("/v1/apps/{appId}/campaigns/{id}/pause", appId, id)
                .then().statusCode(200).body("state", equalTo("PAUSED")).body("version", equalTo(3));
    }

    @Test
    void pausingADraftIsAConflict() {
        String appId = createApp("Conflict");
        String id = createCampaign(appId, welcomeCampaign());

        given().when().post("/v1/apps/{appId}/campaigns/{id}/pause", appId, id)
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));
    }
}
