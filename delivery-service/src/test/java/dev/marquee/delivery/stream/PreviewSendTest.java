package dev.marquee.delivery.stream;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.delivery.Catalogue;
import dev.marquee.delivery.campaign.service.CampaignSnapshots;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** Test users preview any campaign, drafts included, in the variant they choose; a send right after activate works. */
@QuarkusTest
class PreviewSendTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @Test
    void aTestUserIsSentADraftInTheVariantChosenAndNobodyElseIs() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(10, 10, 30, false, List.of(), List.of("qa")));
        app.draft(twoVariants(app.appId, "launch"));

        send(app.appId, Map.of("userIds", List.of("qa"), "campaignId", "launch", "variant", "B"))
                .then().statusCode(202).body("results[0].status", equalTo("queued"));
        List<String> outbox = redis.sortedSet(String.class).zrange("mq:{" + app.appId + ":qa}:outbox", 0, -1);
        assertThat(outbox, hasSize(1));
        assertThat(outbox.get(0), containsString("\"variant\":\"B\""));
        assertThat(outbox.get(0), containsString("\"preview\":true"));
        assertThat(outbox.get(0), containsString("Title of launch"));

        // a draft is for test users only, and only test users choose a variant
        send(app.appId, Map.of("userIds", List.of("qa", "ana"), "campaignId", "launch"))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("campaignId"))
                .body("errors[0].message", containsString("test users"));
        app.publish(twoVariants(app.appId, "live"));
        send(app.appId, Map.of("userIds", List.of("ana"), "campaignId", "live", "variant", "A"))
                .then().statusCode(400).body("errors[0].field", equalTo("variant"));
        // an active campaign's chosen variant, for a test user
        send(app.appId, Map.of("userIds", List.of("qa"), "campaignId", "live", "variant", "A"))
                .then().statusCode(202).body("results[0].status", equalTo("queued"));
        send(app.appId, Map.of("userIds", List.of("qa"), "campaignId", "launch", "variant", "Z"))
                .then().statusCode(400).body("errors[0].field", equalTo("variant"));
        send(app.appId, Map.of("userIds", List.of("qa"), "campaignId", "nope"))
                .then().statusCode(400).body("errors[0].field", equalTo("campaignId"));
    }

    @Test
    void aSendRightAfterActivationSucceeds() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        // the send arrives before the activation's event does
        CompletableFuture<Response> sent = CompletableFuture.supplyAsync(() -> send(app.appId,
                Map.of("userIds", List.of("ana"), "campaignId", "welcome")));
        Thread.sleep(300);
        app.publish(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT));

        sent.get().then().statusCode(202).body("results[0].status", equalTo("queued"));
    }

    private static CampaignSnapshot twoVariants(String appId, String id) {
        CampaignSnapshot c = campaign(appId, id, SESSION_START, Frequency.DEFAULT);
        return Catalogue.withVariants(c, List.of(new Variant("A", null, 50, CampaignSnapshots.message("other")),
                new Variant("B", null, 50, CampaignSnapshots.message(id))), 0);
    }

    private static Response send(String appId, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/v1/apps/" + appId + "/messages/send");
    }
}
