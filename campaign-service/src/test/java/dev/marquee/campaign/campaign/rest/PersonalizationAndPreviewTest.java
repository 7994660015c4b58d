package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.campaign.rest.TriggersAndTargetingTest.refused;
import static dev.marquee.campaign.campaign.rest.TriggersAndTargetingTest.with;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class PersonalizationAndPreviewTest {

    @Test
    void placeholdersOutsideTheLanguageAreRefusedWhereTheyAre() {
        String appId = createApp("Placeholders");
        refused(appId, message("Hi {{ user.password }}", "b"), "message.title", "unknown attribute user.password");
        refused(appId, message("Hi", "{{ user.first_name | exec: 'x' }}"), "message.body", "unknown filter exec");
        refused(appId, message("{% include 'x' %}", "b"), "message.title", "tags");
        refused(appId, message("{{{ user.first_name }}}", "b"), "message.title", "raw output");
        refused(appId, with("message", Map.of("format", "MODAL", "title", "t", "body", "b", "locales",
                Map.of("fr", Map.of("title", "Salut {{ user.secret }}")))), "message.locales.fr.title", "unknown attribute");
    }

    @Test
    void thePreviewIsWhatTheSdkWouldGet() {
        String appId = createApp("Preview");
        String id = createCampaign(appId, with("message", Map.of("format", "MODAL",
                "title", "Hi {{ user.first_name | default: \"there\" | capitalize }}",
                "body", "You are {{ user.tier | upper }}",
                "buttons", List.of(Map.of("id", "ok", "label", "OK", "action", "DISMISS")),
                "locales", Map.of("fr", Map.of("title", "Salut {{ user.first_name | default: 'toi' }}",
                        "buttonLabels", Map.of("ok", "D'accord"))))));

        given().contentType(ContentType.JSON)
                .body(Map.of("locale", "fr-CA", "profile", Map.of("first_name", "ada", "tier", "gold")))
                .when().post("/v1/apps/{appId}/campaigns/{id}/preview", appId, id)
                .then().statusCode(200)
                .body("variant", equalTo("A"))
                .body("locale", equalTo("fr"))
                .body("message.title", equalTo("Salut ada"))
                .body("message.body", equalTo("You are GOLD"))
                .body("message.buttons[0].label", equalTo("D'accord"))
                .body("message.locales", nullValue());
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/v1/apps/{appId}/campaigns/{id}/preview", appId, id)
                .then().statusCode(200)
                .body("locale", equalTo("default"))
                .body("message.title", equalTo("Hi There"))
                .body("message.body", equalTo("You are "));
    }

    @Test
    void aPreviewNamesAnExistingVariantOfItsOwnWorkspace() {
        String appId = createApp("Preview rules");
        String id = createCampaign(appId, with("name", "Preview"));
        given().contentType(ContentType.JSON).body(Map.of("variant", "Z"))
                .when().post("/v1/apps/{appId}/campaigns/{id}/preview", appId, id)
                .then().statusCode(400).body("errors[0].field", equalTo("variant"));
        given().contentType(ContentType.JSON).body(Map.of())
                .when().post("/v1/apps/{appId}/campaigns/{id}/preview", createApp("Other"), id)
                .then().statusCode(404);
    }

    @Test
    void aBodyOverTheLimitIsAProblem() {
        String appId = createApp("Big");
        String huge = "{\"name\": \"" + "x".repeat(300 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge)
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("256 KiB"));
    }

    private static Map<String, Object> message(String title, String body) {
        return with("message", Map.of("format", "MODAL", "title", title, "body", body));
    }
}
