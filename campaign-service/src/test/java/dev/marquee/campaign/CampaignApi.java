package dev.marquee.campaign;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Builders for the requests tests send: an app, and a valid campaign body to vary. */
public final class CampaignApi {

    private CampaignApi() {
    }

    public static String createApp(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/v1/apps")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static Map<String, Object> welcomeCampaign() {
        return Map.of(
                "name", "Welcome",
                "triggers", List.of(Map.of("type", "SESSION_START")),
                "message", Map.of(
                        "format", "MODAL",
                        "title", "Hello",
                        "body", "Welcome aboard",
                        "buttons", List.of(Map.of("id", "ok", "label", "OK", "action", "DISMISS"))));
    }

    /** A lifecycle action ({@code activate}, {@code pause}, …); the caller asserts on the response. */
    public static Response act(String appId, String campaignId, String action) {
        return given().when().post("/v1/apps/{appId}/campaigns/{id}/actions/{action}", appId, campaignId, action);
    }

    public static String createCampaign(String appId, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(201)
                .extract().path("id");
    }
}
