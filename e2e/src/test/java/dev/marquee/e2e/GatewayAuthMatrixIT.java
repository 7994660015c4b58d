package dev.marquee.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.marquee.infra.local.DemoSeed;
import dev.marquee.infra.local.LocalSuite;
import dev.marquee.infra.local.SuiteConfig;
import dev.marquee.infra.test.RawHttp;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The gateway's authorization matrix against the real services: every route × every kind of credential (none, a bad
 * key, READ and DEBUG SDK keys, viewer/editor/admin tokens, the operator, another app's key and token) answers what
 * the gateway's README promises, and the documented routes reach the service that serves them (a 2xx from the real
 * upstream, not a stand-in's echo). Then the non-canonical spellings of a path, sent through a raw socket.
 */
class GatewayAuthMatrixIT {

    private static LocalSuite suite;
    private static DemoSeed.NewApp home;
    private static DemoSeed.NewApp other;
    /** A campaign of {@code home}, so that its report is results-service's real answer (a 200), not a 404. */
    private static String campaignId;
    /** Credential kind → how it is presented (header name, value). */
    private static final Map<String, String[]> CREDENTIALS = new LinkedHashMap<>();

    @BeforeAll
    static void startSuite() throws Exception {
        Path root = Path.of(System.getProperty("marquee.project.root", "..")).toAbsolutePath().normalize();
        suite = LocalSuite.start(SuiteConfig.randomPorts(root, root.resolve("e2e/target/auth-matrix-suite")),
                line -> System.out.println("[auth-matrix-suite] " + line));
        RestAssured.baseURI = suite.gatewayUrl();
        DemoSeed seed = new DemoSeed(suite.gatewayUrl());
        home = seed.app(suite.operatorToken(), "Matrix home");
        other = seed.app(suite.operatorToken(), "Matrix other");
        String viewer = token("VIEWER");
        String editor = token("EDITOR");
        String read = sdkKey(List.of("READ"));
        String debug = sdkKey(List.of("READ", "DEBUG"));
        seed.awaitCredentialsLive(home.appId(), home.adminToken(), Duration.ofSeconds(30));
        CREDENTIALS.put("none", null);
        CREDENTIALS.put("bad key", new String[]{"X-Marquee-Key", "mq_pk_not-a-key"});
        CREDENTIALS.put("bad token", new String[]{"Authorization", "Bearer mq_at_not-a-token"});
        CREDENTIALS.put("read key", new String[]{"X-Marquee-Key", read});
        CREDENTIALS.put("debug key", new String[]{"X-Marquee-Key", debug});
        CREDENTIALS.put("sdk key as bearer", new String[]{"Authorization", "Bearer " + home.sdkKey()});
        CREDENTIALS.put("admin token as key", new String[]{"X-Marquee-Key", home.adminToken()});
        CREDENTIALS.put("viewer", new String[]{"Authorization", "Bearer " + viewer});
        CREDENTIALS.put("editor", new String[]{"Authorization", "Bearer " + editor});
        CREDENTIALS.put("admin", new String[]{"Authorization", "Bearer " + home.adminToken()});
        CREDENTIALS.put("operator", new String[]{"Authorization", "Bearer " + suite.operatorToken()});
        CREDENTIALS.put("other app's key", new String[]{"X-Marquee-Key", other.sdkKey()});
        CREDENTIALS.put("other app's admin", new String[]{"Authorization", "Bearer " + other.adminToken()});
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET", "/v1/sdk/messages?userId=m1", "debug key", null)
                .statusCode() == 200 && call("GET", "/v1/apps/" + home.appId(), "editor", null).statusCode() == 200);
        campaignId = given().auth().oauth2(home.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Matrix campaign", "triggers", List.of(Map.of("type", "SESSION_START")),
                        "message", Map.of("format", "MODAL", "title", "Hello", "body", "Welcome")))
                .when().post("/v1/apps/{appId}/campaigns", home.appId())
                .then().statusCode(201).extract().path("id");
        // results-service learns the campaign from campaign.events.v1
        await().atMost(Duration.ofSeconds(30)).until(() -> call("GET",
                "/v1/apps/" + home.appId() + "/campaigns/" + campaignId + "/results", "viewer", null)
                .statusCode() == 200);
    }

    @AfterAll
    static void stopSuite() throws IOException {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void everyRouteAnswersEachCredentialAsDocumented() {
        String app = "/v1/apps/" + home.appId();
        List<String> failures = new ArrayList<>();
        // route, body (null: none), then the expected status per credential kind, in CREDENTIALS' order:
        // none, bad key, bad token, read key, debug key, sdk key as bearer, admin token as key, viewer, editor,
        // admin, operator, other app's key, other app's admin
        expect(failures, "GET", "/v1/sdk/messages?userId=m1", null,
                401, 401, 401, 200, 200, 401, 401, 401, 401, 401, 401, 200, 401);
        expect(failures, "GET", "/v1/sdk/explain?userId=m1", null,
                401, 401, 401, 403, 200, 401, 401, 401, 401, 401, 401, 403, 401);
        expect(failures, "POST", "/v1/sdk/events", Map.of("userId", "m1", "events", List.of()),
                401, 401, 401, 403, 403, 401, 401, 401, 401, 401, 401, -1, 401);
        expect(failures, "GET", "/v1/apps", null,
                401, 401, 401, 401, 401, 401, 401, 403, 403, 403, 200, 401, 403);
        expect(failures, "GET", app, null,
                401, 401, 401, 401, 401, 401, 401, 200, 200, 200, 200, 401, 404);
        expect(failures, "GET", app + "/campaigns", null,
                401, 401, 401, 401, 401, 401, 401, 200, 200, 200, 200, 401, 404);
        // an empty campaign reaches campaign-service only with the editor role, which then refuses it (400)
        expect(failures, "POST", app + "/campaigns", Map.of(),
                401, 401, 401, 401, 401, 401, 401, 403, 400, 400, 400, 401, 404);
        expect(failures, "GET", app + "/settings", null,
                401, 401, 401, 401, 401, 401, 401, 200, 200, 200, 200, 401, 404);
        expect(failures, "GET", app + "/keys", null,
                401, 401, 401, 401, 401, 401, 401, 403, 403, 200, 200, 401, 404);
        expect(failures, "GET", app + "/identity-verification", null,
                401, 401, 401, 401, 401, 401, 401, 403, 403, 200, 200, 401, 404);
        expect(failures, "GET", app + "/segments", null,
                401, 401, 401, 401, 401, 401, 401, 200, 200, 200, 200, 401, 404);
        expect(failures, "GET", app + "/users/m1/explain", null,
                401, 401, 401, 401, 401, 401, 401, 200, 200, 200, 200, 401, 404);
        // a report is results-service's, readable by every role, and changes nothing: a write is refused by role first
        expect(failures, "GET", app + "/campaigns/" + campaignId + "/results", null,
                401, 401, 401, 401, 401, 401, 401, 200, 200, 200, 200, 401, 404);
        expect(failures, "GET", app + "/campaigns/" + campaignId + "/results?split=weather", null,
                401, 401, 401, 401, 401, 401, 401, 400, 400, 400, 400, 401, 404);
        expect(failures, "POST", app + "/campaigns/" + campaignId + "/results", Map.of(),
                401, 401, 401, 401, 401, 401, 401, 403, -1, -1, -1, 401, 404);
        expect(failures, "GET", app + "/campaigns/no-such-campaign/results", null,
                401, 401, 401, 401, 401, 401, 401, 404, 404, 404, 404, 401, 404);
        expect(failures, "GET", app + "/no-such-resource", null,
                401, 401, 401, 401, 401, 401, 401, 404, 404, 404, 404, 401, 404);
        expect(failures, "GET", "/v1/elsewhere", null,
                404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404, 404);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void noSpellingOfAPathPassesForAnother() throws Exception {
        URI gateway = URI.create(suite.gatewayUrl());
        String read = CREDENTIALS.get("read key")[1];
        List<String> spellings = List.of("/v1/sdk/messages/../explain?userId=m1", "/v1/sdk/%65xplain?userId=m1",
                "//v1/sdk/explain?userId=m1", "/v1/sdk/./explain?userId=m1", "/v1/sdk/messages/%2E%2E/explain",
                "/v1/sdk/messages/%2e%2e/explain", "/v1/sdk/messages%2F..%2Fexplain", "/v1/sdk//explain",
                "/v1/sdk/messages\\..\\explain", "/v1/sdk;x=1/explain", "/v1/sdk/messages;/../explain",
                "/v1/sdk/ex%70lain", "/v1/sdk/messages/%zz/../explain", "/v1/sdk/messages/%5C..%5Cexplain",
                "/./v1/sdk/explain", "/v1/apps/" + other.appId() + "/../" + home.appId() + "/keys",
                "/v1/apps/" + other.appId() + "/../" + home.appId() + "/campaigns/" + campaignId + "/results",
                "/v1/apps/" + home.appId() + "/campaigns/" + campaignId + "/%72esults",
                "/v1/apps/" + home.appId() + "/campaigns/" + campaignId + "/results/..%2F..%2F..%2Fkeys");
        assertEquals(403, RawHttp.send(gateway.getHost(), gateway.getPort(), "GET", "/v1/sdk/explain?userId=m1",
                Map.of("X-Marquee-Key", read)).status());
        for (String spelling : spellings) {
            RawHttp.Answer answer = RawHttp.send(gateway.getHost(), gateway.getPort(), "GET", spelling,
                    Map.of("X-Marquee-Key", read, "Authorization", "Bearer " + other.adminToken()));
            assertEquals(400, answer.status(), spelling + " → " + answer.head());
            assertTrue(String.valueOf(answer.header("Content-Type")).startsWith("application/problem+json"),
                    spelling + " → " + answer.head());
        }
    }

    private static void expect(List<String> failures, String method, String path, Object body, int... statuses) {
        int i = 0;
        for (String kind : CREDENTIALS.keySet()) {
            int expected = statuses[i++];
            if (expected < 0) {
                continue;
            }
            Response answer = call(method, path, kind, body);
            if (answer.statusCode() != expected) {
                failures.add(method + " " + path + " as " + kind + ": " + answer.statusCode() + " (expected " + expected
                        + ") " + answer.asString());
            } else if (expected >= 400 && !String.valueOf(answer.contentType()).startsWith("application/problem+json")) {
                failures.add(method + " " + path + " as " + kind + ": " + expected + " without problem+json");
            }
        }
    }

    private static Response call(String method, String path, String kind, Object body) {
        RequestSpecification request = given().urlEncodingEnabled(false);
        String[] credential = CREDENTIALS.get(kind);
        if (credential != null) {
            request.header(credential[0], credential[1]);
        }
        if (body != null) {
            request.contentType(ContentType.JSON).body(body);
        }
        return request.request(method, path).andReturn();
    }

    private static String token(String role) {
        return given().auth().oauth2(home.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("kind", "ADMIN_TOKEN", "name", role.toLowerCase() + " matrix", "role", role))
                .when().post("/v1/apps/{appId}/keys", home.appId())
                .then().statusCode(201).extract().path("secret");
    }

    private static String sdkKey(List<String> scopes) {
        return given().auth().oauth2(home.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("kind", "SDK_KEY", "name", String.join("+", scopes) + " matrix", "scopes", scopes))
                .when().post("/v1/apps/{appId}/keys", home.appId())
                .then().statusCode(201).extract().path("secret");
    }
}
