package dev.marquee.delivery.decision;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.delivery.Catalogue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Redis down (nothing listens where it should be): segment-targeted messages fail closed, untargeted ones fail open,
 * answers are flagged degraded, never a 500.
 */
@QuarkusTest
@TestProfile(RedisDownTest.NoRedis.class)
class RedisDownTest {

    public static class NoRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // port 1 is never a Redis: connections are refused at once
            return Map.of("quarkus.redis.hosts", "redis://127.0.0.1:1");
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void untargetedMessagesFailOpenAndSegmentTargetedOnesFailClosed() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "everyone", SESSION_START, Frequency.DEFAULT),
                Catalogue.withTargeting(campaign(app.appId, "vips", SESSION_START, new Frequency(null, null, null, null,
                        90, false)), new Targeting(Set.of("vip"), Set.of(), Set.of(), null, List.of(), 100)));

        given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                .body(Catalogue.batch("ana", "s1", Catalogue.sessionStart()))
                .when().post("/v1/sdk/events")
                .then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("degraded", equalTo(true))
                .body("display.campaignId", equalTo("everyone"));

        given().header("X-Marquee-App-Id", app.appId).queryParam("userId", "ana")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .body("degraded", equalTo(true))
                .body("messages.campaignId", contains("everyone"));

        given().queryParam("trigger", "SESSION_START")
                .when().get("/v1/apps/" + app.appId + "/users/ana/explain")
                .then().statusCode(200)
                .body("degraded", equalTo(true))
                .body("campaigns.find { it.campaignId == 'vips' }.reason", equalTo("segment_not_ready"))
                .body("campaigns.find { it.campaignId == 'everyone' }.reason", equalTo("shown"));
    }
}
