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
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Many writes to one campaign at once (deletes, saves, activations): each answers what it did or why not (204, 200,
 * 404, 409), never a 5xx or a hang, and the service keeps answering afterwards.
 */
@QuarkusTest
class ConcurrentWritesTest {

    private static final Set<Integer> ANSWERS = Set.of(200, 204, 404, 409);

    @Test
    void concurrentDeletesOfOneCampaignAreOneDeleteAndNotFoundsOrConflicts() throws Exception {
        String appId = createApp("Deleters");
        String id = createCampaign(appId, welcomeCampaign());
        List<Integer> statuses = concurrently(8, i -> () -> given()
                .when().delete("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().extract().statusCode());
        assertTrue(ANSWERS.containsAll(statuses), "statuses: " + statuses);
        assertEquals(1, statuses.stream().filter(s -> s == 204).count(), "statuses: " + statuses);
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id).then().statusCode(404);
        createCampaign(appId, welcomeCampaign());
    }

    @Test
    void concurrentDeletesSavesAndActivationsNeverFail() throws Exception {
        String appId = createApp("Mixed writers");
        for (int round = 0; round < 3; round++) {
            String id = createCampaign(appId, welcomeCampaign());
            List<Integer> statuses = concurrently(9, i -> switch (i % 3) {
                case 0 -> () -> given().when().delete("/v1/apps/{appId}/campaigns/{id}", appId, id)
                        .then().extract().statusCode();
                case 1 -> () -> {
                    Map<String, Object> body = new HashMap<>(welcomeCampaign());
                    body.put("name", "Edit " + i);
                    return given().contentType(ContentType.JSON).body(body)
                            .when().put("/v1/apps/{appId}/campaigns/{id}", appId, id)
                            .then().extract().statusCode();
                };
                default -> () -> given().when()
                        .post("/v1/apps/{appId}/campaigns/{id}/actions/activate", appId, id)
                        .then().extract().statusCode();
            });
            assertTrue(ANSWERS.containsAll(statuses), "statuses: " + statuses);
        }
        given().when().get("/v1/apps/{appId}/campaigns", appId).then().statusCode(200);
        createCampaign(appId, welcomeCampaign());
    }

    private interface Request {
        Supplier<Integer> of(int i);
    }

    private static List<Integer> concurrently(int n, Request request) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(n);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                calls.add(CompletableFuture.supplyAsync(request.of(i), clients));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> call : calls) {
                statuses.add(call.get(20, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            clients.shutdownNow();
        }
    }
}
