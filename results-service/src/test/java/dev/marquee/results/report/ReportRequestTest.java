package dev.marquee.results.report;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.trust.GatewayAssertion;
import dev.marquee.infra.test.SignAllTestRequests;
import dev.marquee.results.ResultsFixture;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class ReportRequestTest {

    private static final String RESULTS = "/v1/apps/{appId}/campaigns/{campaignId}/results";

    @Inject
    ObjectMapper json;

    private ResultsFixture campaign;

    @BeforeEach
    void aCampaign() {
        campaign = new ResultsFixture(json).campaign(10, "A:45", "B:45");
    }

    @Test
    void anUnknownCampaignIsNotFound() {
        given().when().get(RESULTS, campaign.appId, "c-unknown")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().when().get(RESULTS, campaign.appId, "not an id")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anotherAppsCampaignIsNotFound() {
        given().when().get(RESULTS, "app-other", campaign.campaignId)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aDeletedCampaignIsNotFound() {
        campaign.publishCampaign(CampaignEventType.DELETED, 10, "A:45", "B:45");
        await().atMost(Duration.ofSeconds(15)).until(() -> given().when()
                .get(RESULTS, campaign.appId, campaign.campaignId).statusCode() == 404);
    }

    @Test
    void theRangeDefaultsToTheLast30Days() {
        given().when().get(RESULTS, campaign.appId, campaign.campaignId)
                .then().statusCode(200)
                .body("from", notNullValue())
                .body("arms.id", equalTo(java.util.List.of("A", "B", "control")))
                .body("definitions.ctr", containsString("unique clickers"));
    }

    @Test
    void fromAfterToIsRefusedNamingFrom() {
        given().queryParam("from", "2026-05-03").queryParam("to", "2026-05-01")
                .when().get(RESULTS, campaign.appId, campaign.campaignId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
    }

    @Test
    void aRangeOfMoreThan400DaysIsRefusedNamingTo() {
        given().queryParam("from", "2025-01-01").queryParam("to", "2026-05-01T00:00:00Z")
                .when().get(RESULTS, campaign.appId, campaign.campaignId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("to"));
        given().queryParam("from", "2025-03-27").queryParam("to", "2026-04-30")
                .when().get(RESULTS, campaign.appId, campaign.campaignId)
                .then().statusCode(200);
    }

    @Test
    void anUnreadableDateIsRefusedNamingIt() {
        given().queryParam("from", "yesterday")
                .when().get(RESULTS, campaign.appId, campaign.campaignId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("from"));
        given().queryParam("to", "2026-13-01")
                .when().get(RESULTS, campaign.appId, campaign.campaignId)
                .then().statusCode(400).body("errors[0].field", equalTo("to"));
    }

    @Test
    void anUnknownSplitIsRefusedNamingIt() {
        given().queryParam("split", "country")
                .when().get(RESULTS, campaign.appId, campaign.campaignId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("split"))
                .body("detail", containsString("appVersion"));
    }

    @Test
    void aRequestNotFromTheGatewayIsRefused() {
        given().header(GatewayAssertion.HEADER, SignAllTestRequests.NONE)
                .when().get(RESULTS, campaign.appId, campaign.campaignId)
                .then().statusCode(401).contentType("application/problem+json");
    }
}
