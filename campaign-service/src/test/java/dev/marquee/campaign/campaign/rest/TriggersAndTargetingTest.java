package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.announceDeleted;
import static dev.marquee.campaign.CampaignApi.announceSegments;
import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TriggersAndTargetingTest {

    @Test
    void everyTriggerKindWithItsParameters() {
        String appId = createApp("Triggers");
        announceSegments(appId, "churn-risk");
        List<Map<String, Object>> triggers = List.of(
                Map.of("type", "SESSION_START"),
                Map.of("type", "APP_OPEN", "delaySeconds", 5),
                Map.of("type", "SCREEN_VIEW", "name", "checkout"),
                Map.of("type", "CUSTOM_EVENT", "name", "added_to_cart", "filters", List.of(
                        Map.of("property", "price", "operator", "GTE", "values", List.of(50)),
                        Map.of("property", "category", "operator", "IN", "values", List.of("shoes", "bags")),
                        Map.of("property", "coupon", "operator", "EXISTS"))),
                Map.of("type", "PURCHASE", "filters", List.of(
                        Map.of("property", "sku", "operator", "CONTAINS", "values", List.of("PRO")))),
                Map.of("type", "SEGMENT_ENTERED", "segmentId", "churn-risk"),
                Map.of("type", "API"));
        String id = createCampaign(appId, with("triggers", triggers));
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().statusCode(200)
                .body("triggers.size()", equalTo(7))
                .body("triggers[1].delaySeconds", equalTo(5))
                .body("triggers[3].filters[1].values[1]", equalTo("bags"))
                .body("triggers[5].segmentId", equalTo("churn-risk"));
    }

    @Test
    void aTriggerTakesOnlyItsOwnParameters() {
        String appId = createApp("Trigger rules");
        refused(appId, with("triggers", List.of(Map.of("type", "SCREEN_VIEW"))), "triggers[0].name", "is required");
        refused(appId, with("triggers", List.of(Map.of("type", "SESSION_START", "name", "x"))), "triggers[0].name",
                "not part of");
        refused(appId, with("triggers", List.of(Map.of("type", "SEGMENT_ENTERED"))), "triggers[0].segmentId",
                "is required");
        refused(appId, with("triggers", List.of(Map.of("type", "SCREEN_VIEW", "name", "home", "filters",
                List.of(Map.of("property", "a", "operator", "EXISTS"))))), "triggers[0].filters", "only CUSTOM_EVENT");
        refused(appId, with("triggers", List.of(Map.of("type", "API", "delaySeconds", 86401))),
                "triggers[0].delaySeconds", "86400");
    }

    @Test
    void filterOperatorsTakeTheRightValues() {
        String appId = createApp("Filters");
        refused(appId, filter("GT", List.of("fifty")), "triggers[0].filters[0].values", "exactly one number");
        refused(appId, filter("EXISTS", List.of(1)), "triggers[0].filters[0].values", "no values");
        refused(appId, filter("IN", List.of()), "triggers[0].filters[0].values", "one or more");
        refused(appId, filter("EQ", List.of(1, 2)), "triggers[0].filters[0].values", "exactly one value");
        refused(appId, filter("EQ", List.of(Map.of("nested", 1))), "triggers[0].filters[0].values[0]", "string, a number");
        refused(appId, filter("LIKE", List.of(1)), "triggers[0].filters[0].operator", "must be one of");
        for (String operator : List.of("EQ", "NEQ", "GT", "GTE", "LT", "LTE", "CONTAINS")) {
            createCampaign(appId, filter(operator, List.of(3)));
        }
    }

    @Test
    void targetingIsStoredAndChecked() {
        String appId = createApp("Targeting");
        announceSegments(appId, "gold", "churned");
        Map<String, Object> targeting = Map.of("includeSegments", List.of("gold"), "excludeSegments", List.of("churned"),
                "platforms", List.of("IOS", "WEB"), "appVersions", Map.of("min", "2.9", "max", "2.10.1"),
                "locales", List.of("fr", "en-GB"), "rolloutPercent", 25);
        String id = createCampaign(appId, with("targeting", targeting));
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().body("targeting.rolloutPercent", equalTo(25))
                .body("targeting.appVersions.max", equalTo("2.10.1"));

        refused(appId, with("targeting", Map.of("includeSegments", List.of("a"), "excludeSegments", List.of("a"))),
                "targeting.excludeSegments", "also included");
        refused(appId, with("targeting", Map.of("appVersions", Map.of("min", "3.0", "max", "2.10"))),
                "targeting.appVersions.max", "below min");
        refused(appId, with("targeting", Map.of("appVersions", Map.of("min", "v3"))), "targeting.appVersions.min",
                "version");
        refused(appId, with("targeting", Map.of("locales", List.of("french"))), "targeting.locales[0]", "BCP 47");
        refused(appId, with("targeting", Map.of("rolloutPercent", 0)), "targeting.rolloutPercent", "1");
        refused(appId, with("targeting", Map.of("platforms", List.of("SYMBIAN"))), "targeting.platforms[0]",
                "must be one of");
    }

    /** Issue 18 item 18: a campaign names only segments the app has. */
    @Test
    void aCampaignNamesOnlySegmentsTheAppHas() throws Exception {
        String appId = createApp("Segments");
        String other = createApp("Other segments");
        announceSegments(other, "gold");
        refused(appId, with("targeting", Map.of("includeSegments", List.of("gold"))), "targeting.includeSegments",
                "not a segment of this app");
        refused(appId, with("triggers", List.of(Map.of("type", "SEGMENT_ENTERED", "segmentId", "vip"))),
                "triggers[0].segmentId", "not a segment of this app");

        // announced a moment after the request arrived (a script that creates the segment, then the campaign)
        java.util.concurrent.CompletableFuture<String> created = java.util.concurrent.CompletableFuture
                .supplyAsync(() -> createCampaign(appId, with("targeting", Map.of("includeSegments", List.of("gold"),
                        "excludeSegments", List.of("vip")))));
        Thread.sleep(300);
        announceSegments(appId, "gold", "vip");
        String id = created.get();
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id).then().statusCode(200);

        announceDeleted(appId, "vip");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).until(() -> given()
                .contentType(ContentType.JSON).body(with("targeting", Map.of("excludeSegments", List.of("vip"))))
                .when().post("/v1/apps/{appId}/campaigns", appId).statusCode() == 400);
        refused(appId, with("targeting", Map.of("excludeSegments", List.of("vip"))), "targeting.excludeSegments",
                "not a segment of this app");
    }

    @Test
    void goalsAreUpToFourEventsWithinThirtyDays() {
        String appId = createApp("Goals");
        String id = createCampaign(appId, with("goals", Map.of("events", List.of(Map.of("name", "purchase",
                "filters", List.of(Map.of("property", "amount", "operator", "GT", "values", List.of(0))))))));
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().body("goals.windowDays", equalTo(3))
                .body("goals.events[0].name", equalTo("purchase"));

        List<Map<String, Object>> five = List.of(goal("a"), goal("b"), goal("c"), goal("d"), goal("e"));
        refused(appId, with("goals", Map.of("events", five)), "goals.events", "size must be between 0 and 4");
        refused(appId, with("goals", Map.of("events", List.of(goal("a")), "windowDays", 31)), "goals.windowDays", "30");
        refused(appId, with("goals", Map.of("events", List.of(goal("a b")))), "goals.events[0].name", "letters");
    }

    private static Map<String, Object> goal(String name) {
        return Map.of("name", name);
    }

    private static Map<String, Object> filter(String operator, List<Object> values) {
        return with("triggers", List.of(Map.of("type", "CUSTOM_EVENT", "name", "e", "filters",
                List.of(Map.of("property", "p", "operator", operator, "values", values)))));
    }

    static Map<String, Object> with(String field, Object value) {
        Map<String, Object> body = new HashMap<>(welcomeCampaign());
        body.put(field, value);
        return body;
    }

    static void refused(String appId, Object body, String field, String reason) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(reason));
    }
}
