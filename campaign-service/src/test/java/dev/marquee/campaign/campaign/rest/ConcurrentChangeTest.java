package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Two editors saving one campaign at the same moment: one wins, the other is told to retry; never a 5xx. */
@QuarkusTest
class ConcurrentChangeTest {

    @Test
    void simultaneousUpdatesAreSuccessesOrConflictsAndVersionsStayGapless() throws Exception {
        String appId = createApp("Editors");
        String id = createCampaign(appId, welcomeCampaign());
        ExecutorService editors = Executors.newFixedThreadPool(8);
        List<CompletableFuture<Integer>> saves = new ArrayList<>();
        try {
            for (int i = 0; i < 24; i++) {
                Map<String, Object> body = new HashMap<>(welcomeCampaign());
                body.put("name", "Edit " + i);
                saves.add(CompletableFuture.supplyAsync(() -> given().contentType(ContentType.JSON).body(body)
                        .when().put("/v1/apps/{appId}/campaigns/{id}", appId, id)
                        .then().extract().statusCode(), editors));
            }
            List<Integer> statuses = saves.stream().map(CompletableFuture::join).toList();
            assertTrue(statuses.stream().allMatch(s -> s == 200 || s == 409), "statuses: " + statuses);

            long saved = statuses.stream().filter(s -> s == 200).count();
            int version = given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                    .then().statusCode(200).extract().path("version");
            assertEquals(1 + saved, version, "every successful save is exactly one new version");
        } finally {
            editors.shutdownNow();
        }
    }
}
