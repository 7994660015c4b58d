package dev.marquee.campaign.app.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.TopicReader;
import dev.marquee.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class KeyResourceTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void anIssuedSdkKeyIsShownOnceAndPublishedHashedWithItsBindings() throws Exception {
        String appId = createApp("Scoped");
        JsonPath issued = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "SDK_KEY", "name", "Web shop", "scopes", List.of("READ"),
                        "allowedOrigins", List.of("https://shop.example.com"), "bundleIds", List.of("com.example.shop")))
                .when().post("/v1/apps/{appId}/keys", appId)
                .then().statusCode(201)
                .body("secret", startsWith("mq_pk_"))
                .body("scopes", contains("READ"))
                .body("allowedOrigins", contains("https://shop.example.com"))
                .body("role", nullValue())
                .extract().jsonPath();
        String secret = issued.getString("secret");

        given().when().get("/v1/apps/{appId}/keys", appId)
                .then().statusCode(200)
                .body("$", hasSize(3))
                .body("name", hasItem("Web shop"))
                .body(not(containsString(secret)))
                .body(not(containsString("hash")))
                .body(not(containsString("secret")));

        JsonNode event = json.readTree(TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 2).get(1).value());
        assertEquals("CREDENTIALS_CHANGED", event.get("type").asText());
        JsonNode key = credential(event, issued.getString("id"));
        assertEquals(sha256(secret), key.get("hash").asText());
        assertEquals("READ", key.at("/scopes/0").asText());
        assertEquals("com.example.shop", key.at("/bundleIds/0").asText());
        assertFalse(event.toString().contains(secret), "the secret never leaves the service");
    }

    @Test
    void anAdminTokenIsNamedAndHasARole() throws Exception {
        String appId = createApp("Team");
        String id = given().contentType(ContentType.JSON)
                .body(Map.of("kind", "ADMIN_TOKEN", "name", "Ana (marketing)", "role", "VIEWER"))
                .when().post("/v1/apps/{appId}/keys", appId)
                .then().statusCode(201)
                .body("secret", startsWith("mq_at_"))
                .body("role", equalTo("VIEWER"))
                .body("scopes", nullValue())
                .extract().path("id");
        JsonNode event = json.readTree(TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 2).get(1).value());
        assertEquals("VIEWER", credential(event, id).get("role").asText());
        assertEquals("Ana (marketing)", credential(event, id).get("name").asText());
    }

    @Test
    void aDevelopmentKeyMayHaveTheDebugScope() {
        String appId = createApp("Development");
        given().contentType(ContentType.JSON)
                .body(Map.of("kind", "SDK_KEY", "name", "Debug build", "scopes", List.of("READ", "TRACK", "DEBUG")))
                .when().post("/v1/apps/{appId}/keys", appId)
                .then().statusCode(201)
                .body("scopes", contains("READ", "TRACK", "DEBUG"));
    }

    @Test
    void rotationKeepsTheOldCredentialUntilTheOverlapEnds() throws Exception {
        String appId = createApp("Rotating");
        String oldId = keys(appId).getString("find { it.kind == 'SDK_KEY' }.id");

        String newId = given().when().post("/v1/apps/{appId}/keys/{keyId}/rotate?overlapSeconds=3600", appId, oldId)
                .then().statusCode(201)
                .body("secret", startsWith("mq_pk_"))
                .body("scopes", contains("READ", "TRACK"))
                .extract().path("id");

        JsonPath keys = keys(appId);
        assertEquals(3, keys.getList("$").size(), "the old key lives on during the overlap");
        assertTrue(keys.getString("find { it.id == '" + oldId + "' }.expiresAt") != null);
        JsonNode event = json.readTree(TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 2).get(1).value());
        assertTrue(credential(event, oldId).hasNonNull("expiresAt"), "gateways end the overlap on their own");
        assertTrue(credential(event, newId).get("expiresAt").isNull());
    }

    @Test
    void rotationWithoutOverlapAndRevocationEndTheCredentialAtOnce() throws Exception {
        String appId = createApp("Revoking");
        String keyId = keys(appId).getString("find { it.kind == 'SDK_KEY' }.id");
        String tokenId = keys(appId).getString("find { it.kind == 'ADMIN_TOKEN' }.id");

        String newKeyId = given().when().post("/v1/apps/{appId}/keys/{keyId}/rotate?overlapSeconds=0", appId, keyId)
                .then().statusCode(201).extract().path("id");
        given().when().delete("/v1/apps/{appId}/keys/{keyId}", appId, tokenId).then().statusCode(204);
        given().when().delete("/v1/apps/{appId}/keys/{keyId}", appId, tokenId).then().statusCode(404);

        given().when().get("/v1/apps/{appId}/keys", appId)
                .then().statusCode(200)
                .body("id", contains(newKeyId))
                .body("[0].expiresAt", nullValue());
        List<ConsumerRecord<String, String>> events = TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 3);
        assertEquals(3, events.size());
        JsonNode last = json.readTree(events.get(2).value());
        assertEquals(1, last.get("credentials").size());
        assertEquals(newKeyId, last.at("/credentials/0/id").asText());
    }

    @Test
    void anotherAppsKeyIsNotFound() {
        String mine = createApp("Mine");
        String theirs = createApp("Theirs");
        String theirKey = keys(theirs).getString("[0].id");
        given().when().delete("/v1/apps/{appId}/keys/{keyId}", mine, theirKey).then().statusCode(404);
        given().when().post("/v1/apps/{appId}/keys/{keyId}/rotate", mine, theirKey).then().statusCode(404);
        given().when().get("/v1/apps/{appId}/keys", "no-such-app").then().statusCode(404);
        given().when().get("/v1/apps/{appId}/keys", theirs).then().statusCode(200).body("$", hasSize(2));
    }

    @Test
    void invalidRequestsNameTheField() {
        String appId = createApp("Invalid keys");
        expectField(appId, Map.of("kind", "ADMIN_TOKEN", "name", "No role"), "role");
        expectField(appId, Map.of("kind", "SDK_KEY", "name", "Role", "role", "ADMIN"), "role");
        expectField(appId, Map.of("kind", "ADMIN_TOKEN", "name", "Scoped", "role", "ADMIN", "scopes", List.of("READ")),
                "scopes");
        expectField(appId, Map.of("kind", "SDK_KEY", "name", "Star", "allowedOrigins", List.of("*")), "allowedOrigins");
        expectField(appId, Map.of("kind", "SDK_KEY", "name", "Path", "allowedOrigins", List.of("https://a.example/x")),
                "allowedOrigins");
        expectField(appId, Map.of("kind", "SDK_KEY", "name", "No scope", "scopes", List.of()), "scopes");
        expectField(appId, Map.of("kind", "SDK_KEY", "name", "Bad scope", "scopes", List.of("WRITE")), "scopes");
        expectField(appId, Map.of("kind", "KEY", "name", "Kind"), "kind");
        expectField(appId, Map.of("kind", "SDK_KEY", "name", " "), "name");
        given().when().post("/v1/apps/{appId}/keys/{keyId}/rotate?overlapSeconds=-1", appId, "x")
                .then().statusCode(400);
        given().contentType(ContentType.JSON).body("{\"kind\":").when().post("/v1/apps/{appId}/keys", appId)
                .then().statusCode(400).contentType("application/problem+json");
    }

    private static void expectField(String appId, Map<String, Object> body, String field) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/keys", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", startsWith(field))
                .body("errors[0].message", notNullValue());
    }

    private static JsonPath keys(String appId) {
        return given().when().get("/v1/apps/{appId}/keys", appId).then().statusCode(200).extract().jsonPath();
    }

    private static JsonNode credential(JsonNode event, String id) {
        for (JsonNode credential : event.get("credentials")) {
            if (id.equals(credential.get("id").asText())) {
                return credential;
            }
        }
        throw new AssertionError("credential " + id + " not in " + event);
    }

    private static String sha256(String secret) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
    }
}
