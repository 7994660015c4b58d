package dev.marquee.gateway.routing.rest;

import static dev.marquee.gateway.test.AppEvents.adminToken;
import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.marquee.gateway.test.FakeUpstreams;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The management API: the operator token for the app list and every app, an admin token for its own app only. */
@QuarkusTest
class ManagementAccessTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @TestHTTPResource("/")
    URL gateway;

    private String appId;
    private String adminTokenId;
    private String adminToken;
    private String sdkKey;

    @BeforeEach
    void anAppWithAnAdminTokenAndAnSdkKey() {
        appId = newId();
        adminTokenId = newId();
        adminToken = "mq_at_" + newId();
        sdkKey = "mq_pk_" + newId();
        publish(bootstrap, app(appId, adminToken(adminTokenId, adminToken), sdkKey(newId(), sdkKey)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(adminToken)
                .when().get("/v1/apps/{appId}", appId)
                .then().statusCode(200));
    }

    @Test
    void anAdminTokenReachesItsOwnAppAsItself() {
        given().auth().oauth2(adminToken)
                .header("X-Marquee-Principal", "operator")
                .header("X-Marquee-App-Id", "forged")
                .header("X-Marquee-Role", "forged")
                .when().get("/v1/apps/{appId}/campaigns?state=ACTIVE", appId)
                .then().statusCode(200)
                .body("upstream", equalTo("campaign"))
                .body("uri", equalTo("/v1/apps/" + appId + "/campaigns?state=ACTIVE"))
                .body("headers.x-marquee-principal", equalTo(List.of("admin-token:" + adminTokenId + " (ci)")))
                .body("headers.x-marquee-role", equalTo(List.of("ADMIN")))
                .body("headers.x-marquee-app-id", nullValue())
                .body("headers.authorization", nullValue());
    }

    @Test
    void anAdminTokenOfAnotherAppSeesNothing() {
        String otherApp = newId();
        given().auth().oauth2(adminToken)
                .when().get("/v1/apps/{appId}/campaigns", otherApp)
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404))
                .body("title", equalTo("Not found"));
        given().auth().oauth2(adminToken)
                .when().delete("/v1/apps/{appId}", otherApp)
                .then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void dotSegmentsCannotLeaveTheApp() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> escape = client.send(HttpRequest.newBuilder(
                raw("/v1/apps/" + appId + "/../" + newId() + "/campaigns"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, escape.statusCode(), "a dot segment is refused, never resolved");

        HttpResponse<String> detour = client.send(HttpRequest.newBuilder(
                raw("/v1/apps/" + newId() + "/../" + appId + "/campaigns"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, detour.statusCode());
        HttpResponse<String> encoded = client.send(HttpRequest.newBuilder(
                raw("/v1/apps/" + appId + "/..%2F" + newId() + "%2Fcampaigns"))
                .header("Authorization", "Bearer " + adminToken).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, encoded.statusCode(), "an encoded slash could mean another app upstream");
    }

    @Test
    void aMissingOrUnknownTokenIsUnauthorized() {
        given().when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer realm=\"marquee\"");
        given().auth().oauth2("mq_at_" + newId()).when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic " + adminToken).when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(401).contentType("application/problem+json");
        // an SDK key is public (it ships inside apps): it never opens the management API
        given().auth().oauth2(sdkKey).when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void theOperatorReachesEveryApp() {
        given().auth().oauth2(FakeUpstreams.OPERATOR_TOKEN)
                .when().get("/v1/apps/{appId}/campaigns", newId())
                .then().statusCode(200)
                .body("headers.x-marquee-principal", equalTo(List.of("operator")));
    }

    @Test
    void onlyTheOperatorListsAndCreatesApps() {
        given().auth().oauth2(FakeUpstreams.OPERATOR_TOKEN)
                .when().get("/v1/apps")
                .then().statusCode(200)
                .body("uri", equalTo("/v1/apps"))
                .body("headers.x-marquee-principal", equalTo(List.of("operator")));
        given().auth().oauth2(FakeUpstreams.OPERATOR_TOKEN).contentType(ContentType.JSON)
                .body(Map.of("name", "Shop"))
                .when().post("/v1/apps")
                .then().statusCode(201)
                .body("method", equalTo("POST"))
                .body("body", equalTo("{\"name\":\"Shop\"}"));

        given().when().post("/v1/apps")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("mq_op_guess").when().get("/v1/apps")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(adminToken).when().get("/v1/apps")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(FakeUpstreams.OPERATOR_TOKEN).when().delete("/v1/apps")
                .then().statusCode(405).header("Allow", "GET, POST").contentType("application/problem+json");
    }

    /** Not {@code URI.resolve}: that would remove the dot segments before they reach the gateway. */
    private URI raw(String path) {
        return URI.create("http://" + gateway.getHost() + ":" + gateway.getPort() + path);
    }
}
