package dev.marquee.campaign.app.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.TopicReader;
import dev.marquee.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class IdentityVerificationResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void aSecretTurnsVerificationOnAndTravelsToTheGateway() throws Exception {
        String appId = createApp("Verified");
        given().when().get("/v1/apps/{appId}/identity-verification", appId)
                .then().statusCode(200).body("enabled", equalTo(false)).body("secrets", hasSize(0));

        String secret = given().when().post("/v1/apps/{appId}/identity-verification/secrets", appId)
                .then().statusCode(201).body("secret", startsWith("mq_is_")).extract().path("secret");
        given().when().get("/v1/apps/{appId}/identity-verification", appId)
                .then().statusCode(200)
                .body("enabled", equalTo(true))
                .body("secrets", hasSize(1))
                .body(not(containsString(secret)));

        JsonNode event = json.readTree(TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 2).get(1).value());
        assertEquals(secret, event.at("/identitySecrets/0/secret").asText());
        assertEquals(2, event.get("credentials").size(), "the snapshot keeps the credentials");
    }

    @Test
    void aNewSecretOverlapsTheOldOneAndDisablingRemovesAll() throws Exception {
        String appId = createApp("Rotated secret");
        given().when().post("/v1/apps/{appId}/identity-verification/secrets", appId).then().statusCode(201);
        given().when().post("/v1/apps/{appId}/identity-verification/secrets?overlapSeconds=600", appId)
                .then().statusCode(201);
        given().when().get("/v1/apps/{appId}/identity-verification", appId)
                .then().statusCode(200)
                .body("secrets", hasSize(2))
                .body("secrets[0].expiresAt", notNullValue());

        given().when().delete("/v1/apps/{appId}/identity-verification", appId).then().statusCode(204);
        given().when().get("/v1/apps/{appId}/identity-verification", appId)
                .then().statusCode(200).body("enabled", equalTo(false));
        List<ConsumerRecord<String, String>> events = TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 4);
        assertEquals(0, json.readTree(events.get(3).value()).get("identitySecrets").size());
    }

    @Test
    void unknownAppsAndBadOverlapsAreRefused() {
        given().when().get("/v1/apps/{appId}/identity-verification", "no-such-app").then().statusCode(404);
        given().when().post("/v1/apps/{appId}/identity-verification/secrets", "no-such-app").then().statusCode(404);
        given().when().delete("/v1/apps/{appId}/identity-verification", "no-such-app").then().statusCode(404);
        String appId = createApp("Bad overlap");
        given().when().post("/v1/apps/{appId}/identity-verification/secrets?overlapSeconds=-5", appId)
                .then().statusCode(400).contentType("application/problem+json");
    }
}
