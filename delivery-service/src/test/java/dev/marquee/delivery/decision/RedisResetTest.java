package dev.marquee.delivery.decision;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static dev.marquee.delivery.Catalogue.caps;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.delivery.Catalogue;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * Redis resets the connection after the decision script was sent: whether it reserved an impression is unknown, so
 * caps fail closed (as on a timeout). Only a connection that was never made fails open (see {@link RedisDownTest}).
 */
@QuarkusTest
@TestProfile(RedisResetTest.BehindAResettingProxy.class)
class RedisResetTest {

    public static class BehindAResettingProxy implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.redis.hosts", ResettingRedis.url());
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void aResetAfterTheScriptWasSentShowsNothingCapped() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "once", SESSION_START, caps(1, null, null, null, 50, false)));

        ResettingRedis.resetAfterScript(true);
        try {
            given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                    .body(Catalogue.batch("ana", "s1", Catalogue.sessionStart()))
                    .when().post("/v1/sdk/events")
                    .then().statusCode(200)
                    .body("degraded", equalTo(true))
                    .body("display", nullValue());
        } finally {
            ResettingRedis.resetAfterScript(false);
        }

        // the script did run: showing the message then would have made it two impressions against a cap of one
        given().queryParam("trigger", "SESSION_START")
                .when().get("/v1/apps/" + app.appId + "/users/ana/explain")
                .then().statusCode(200)
                .body("degraded", equalTo(false))
                .body("campaigns.find { it.campaignId == 'once' }.reason", equalTo("cap:lifetime"));
    }
}
