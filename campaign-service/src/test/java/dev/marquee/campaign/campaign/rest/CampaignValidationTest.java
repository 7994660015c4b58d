package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class CampaignValidationTest {

    @Test
    void missingFieldsAreNamed() {
        String appId = createApp("Validation");
        given().contentType(ContentType.JSON).body(Map.of("name", "", "message", Map.of("format", "MODAL")))
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("triggers"));
    }

    @Test
    void anUnknownEnumValueNamesTheFieldAndTheChoices() {
        String appId = createApp("Enum");
        Map<String, Object> body = new HashMap<>(welcomeCampaign());
        body.put("triggers", List.of(Map.of("type", "SOMETIMES")));
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("triggers[0].type"))
                .body("errors[0].message", containsString("SESSION_START"));
    }

    @Test
    void translationsNeedACanonicalTagAndExistingButtons() {
        String appId = createApp("Locales");
        given().contentType(ContentType.JSON).body(withLocales(Map.of("french", translation(Map.of()))))
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400).body("errors[0].field", equalTo("message.locales.french"));
        given().contentType(ContentType.JSON).body(withLocales(Map.of("fr", translation(Map.of("nope", "Non")))))
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400).body("errors[0].field", equalTo("message.locales.fr.buttonLabels.nope"));

        String id = createCampaign(appId, withLocales(Map.of("fr-CA", translation(Map.of("ok", "D'accord")))));
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().statusCode(200)
                .body("variants[0].message.locales.'fr-CA'.title", equalTo("Bonjour"))
                .body("variants[0].message.locales.'fr-CA'.buttonLabels.ok", equalTo("D'accord"));
    }

    @Test
    void anUnknownFieldIsRejectedNotIgnored() {
        String appId = createApp("Unknown field");
        Map<String, Object> body = new HashMap<>(welcomeCampaign());
        body.put("priorty", 5);
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("priorty"))
                .body("errors[0].message", equalTo("is not a known field"));
    }

    @Test
    void malformedJsonIsA400WithoutInternals() {
        String appId = createApp("Malformed");
        given().contentType(ContentType.JSON).body("{\"name\": ")
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("com.fasterxml")))
                .body(not(containsString("Exception")));
    }

    @Test
    void aButtonLinkMustBeHttpsOrADeepLink() {
        String appId = createApp("Links");
        for (String url : List.of("http://example.com", "javascript:alert(1)", "https:/nohost")) {
            given().contentType(ContentType.JSON).body(withButton("URL", url))
                    .when().post("/v1/apps/{appId}/campaigns", appId)
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("message.buttons[0].url"));
        }
        // issue 17 item 9: deep links are an allowlist of the app's own schemes (settings linkSchemes)
        given().contentType(ContentType.JSON).body(withButton("DEEP_LINK", "demoshop://cart"))
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("message.buttons[0].url"));
        given().contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 10, "maxMessagesPerDay", 10, "minSecondsBetweenMessages", 30,
                        "linkSchemes", List.of("demoshop", "itms-services")))
                .when().put("/v1/apps/{appId}/settings", appId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("linkSchemes[1]"));
        given().contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 10, "maxMessagesPerDay", 10, "minSecondsBetweenMessages", 30,
                        "linkSchemes", List.of("demoshop")))
                .when().put("/v1/apps/{appId}/settings", appId)
                .then().statusCode(200).body("linkSchemes", equalTo(List.of("demoshop")));
        for (String url : List.of("data:text/html,hi", "itms-services://?action=download-manifest&url=https://x/m",
                "jar:https://x/a.jar!/", "ftp://x/a", "ws://x", "view-source:https://x", "otherapp://pay")) {
            given().contentType(ContentType.JSON).body(withButton("DEEP_LINK", url))
                    .when().post("/v1/apps/{appId}/campaigns", appId)
                    .then().statusCode(400)
                    .body("errors[0].field", equalTo("message.buttons[0].url"));
        }

        createCampaign(appId, withButton("URL", "https://example.com/pricing"));
        createCampaign(appId, withButton("DEEP_LINK", "demoshop://cart"));
    }

    @Test
    void anotherWorkspacesCampaignIsNotFound() {
        String owner = createApp("Owner");
        String other = createApp("Other");
        String id = createCampaign(owner, welcomeCampaign());

        given().when().get("/v1/apps/{appId}/campaigns/{id}", other, id)
                .then().statusCode(404).contentType("application/problem+json");
        given().when().post("/v1/apps/{appId}/campaigns/{id}/actions/activate", other, id)
                .then().statusCode(404);
        given().when().get("/v1/apps/{appId}/campaigns/{id}", owner, "no-such-campaign")
                .then().statusCode(404);
        given().when().get("/v1/apps/{appId}/campaigns", "no-such-app")
                .then().statusCode(404);
        given().contentType(ContentType.JSON).body(welcomeCampaign())
                .when().post("/v1/apps/{appId}/campaigns", "no-such-app")
                .then().statusCode(404);
    }

    private static Map<String, Object> withLocales(Map<String, Object> locales) {
        Map<String, Object> body = new HashMap<>(welcomeCampaign());
        body.put("message", Map.of("format", "MODAL", "title", "Hello", "body", "Welcome",
                "buttons", List.of(Map.of("id", "ok", "label", "OK", "action", "DISMISS")), "locales", locales));
        return body;
    }

    private static Map<String, Object> translation(Map<String, String> buttonLabels) {
        return Map.of("title", "Bonjour", "body", "Bienvenue", "buttonLabels", buttonLabels);
    }

    private static Map<String, Object> withButton(String action, String url) {
        Map<String, Object> body = new HashMap<>(welcomeCampaign());
        body.put("message", Map.of("format", "MODAL", "title", "Hi", "body", "There",
                "buttons", List.of(Map.of("id", "go", "label", "Go", "action", action, "url", url))));
        return body;
    }
}
