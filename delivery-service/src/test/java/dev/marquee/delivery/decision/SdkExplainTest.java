package dev.marquee.delivery.decision;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static dev.marquee.delivery.Catalogue.caps;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.delivery.Catalogue;
import io.quarkus.test.junit.QuarkusTest;

/** The SDK's debug explain ({@code GET /v1/sdk/explain}): the same verdicts as the management API, for one app only. */
@QuarkusTest
class SdkExplainTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void theSdkExplainGivesTheManagementVerdictsOfItsOwnApp() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(1000, 1000, 0));
        app.publish(campaign(app.appId, "once", SESSION_START, caps(1, null, null, null, 50, false)));
        Catalogue other = new Catalogue(json, bootstrap);
        other.publish(campaign(other.appId, "elsewhere", SESSION_START, Frequency.DEFAULT));

        assertThat(app.shown("ana", "s1"), equalTo("once"));
        Map<String, String> sdk = sdkExplain(app.appId, "ana", "SESSION_START");
        assertThat(sdk.get("once"), equalTo("cap:lifetime"));
        assertThat(sdk, equalTo(app.explain("ana", "SESSION_START", null)));
        assertThat(List.copyOf(sdk.keySet()), not(hasItem("elsewhere")));
    }

    @Test
    void aMissingUserOrABadTriggerIsAProblemNamingTheParameter() {
        given().header("X-Marquee-App-Id", "app-1").queryParam("trigger", "SESSION_START")
                .when().get("/v1/sdk/explain")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("userId"));
        given().header("X-Marquee-App-Id", "app-1").queryParam("userId", "ana").queryParam("trigger", "SOMETIMES")
                .when().get("/v1/sdk/explain")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("trigger"));
    }

    private static Map<String, String> sdkExplain(String appId, String userId, String trigger) {
        List<Map<String, Object>> verdicts = given().header("X-Marquee-App-Id", appId).queryParam("userId", userId)
                .queryParam("trigger", trigger)
                .when().get("/v1/sdk/explain")
                .then().statusCode(200).extract().jsonPath().getList("campaigns");
        Map<String, String> reasons = new TreeMap<>();
        verdicts.forEach(v -> reasons.put((String) v.get("campaignId"), (String) v.get("reason")));
        return reasons;
    }
}
