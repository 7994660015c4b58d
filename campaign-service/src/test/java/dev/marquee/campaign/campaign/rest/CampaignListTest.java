package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.act;
import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CampaignListTest {

    @Test
    void pagesNewestFirstWithACursorUntilTheEnd() {
        String appId = createApp("Paging");
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(0, createCampaign(appId, welcomeCampaign()));
        }

        String cursor = given().queryParam("limit", 2)
                .when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(200)
                .body("items.id", contains(created.get(0), created.get(1)))
                .extract().path("nextCursor");
        cursor = given().queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(200)
                .body("items.id", contains(created.get(2), created.get(3)))
                .extract().path("nextCursor");
        given().queryParam("limit", 2).queryParam("cursor", cursor)
                .when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(200)
                .body("items.id", contains(created.get(4)))
                .body("nextCursor", nullValue());
    }

    @Test
    void filtersByStateAndFormat() {
        String appId = createApp("Filters");
        String live = createCampaign(appId, welcomeCampaign());
        createCampaign(appId, welcomeCampaign());
        act(appId, live, "activate").then().statusCode(200);

        given().queryParam("state", "active")
                .when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(200).body("items.id", contains(live));
        given().queryParam("format", "MODAL")
                .when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(200).body("items", hasSize(2));
    }

    @Test
    void badListParametersAreNamed() {
        String appId = createApp("Bad list");
        given().queryParam("state", "SLEEPING").when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("state"));
        given().queryParam("limit", 0).when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().queryParam("cursor", "%%%").when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }
}
