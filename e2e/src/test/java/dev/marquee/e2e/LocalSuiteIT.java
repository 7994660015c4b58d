package dev.marquee.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.contracts.trust.GatewayAssertion;
import dev.marquee.infra.local.DemoSeed;
import dev.marquee.infra.local.LocalSuite;
import dev.marquee.infra.local.Service;
import dev.marquee.infra.local.SuiteConfig;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The whole suite, started as {@code ./marquee up} starts it, driven through the gateway; and a second
 * delivery-service next to it, to show that a message sent on one instance reaches a stream held by the other.
 */
class LocalSuiteIT {

    private static Path stateDir;
    private static LocalSuite suite;

    @BeforeAll
    static void startSuite() throws Exception {
        Path root = Path.of(System.getProperty("marquee.project.root", "..")).toAbsolutePath().normalize();
        stateDir = root.resolve("e2e/target/suite");
        suite = LocalSuite.start(SuiteConfig.randomPorts(root, stateDir), line -> System.out.println("[suite] " + line));
        RestAssured.baseURI = suite.gatewayUrl();
    }

    @AfterAll
    static void stopSuite() throws IOException {
        if (suite != null) {
            suite.close();
            assertEquals(List.of(), processesOfTheSuite(), "processes left behind after close");
        }
    }

    @Test
    void theDemoSeedOfTheLocalCommandIsServed() throws Exception {
        DemoSeed.DemoApp demo = new DemoSeed(suite.gatewayUrl()).seed(suite.operatorToken());

        given().header("X-Marquee-Key", demo.sdkKey())
                .queryParam("userId", DemoSeed.DEMO_USER)
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .body("messages.campaignId", hasItem(demo.campaignId()))
                .body("messages[0].message.title", equalTo("Welcome to the demo shop"));
        given().header("X-Marquee-Key", demo.sdkKey())
                .queryParam("userId", DemoSeed.DEMO_USER)
                .queryParam("locale", "fr-CA")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200)
                .body("messages[0].locale", equalTo("fr"))
                .body("messages[0].message.title", equalTo("Bienvenue dans la boutique de démo"))
                .body("messages[0].message.buttons[0].label", equalTo("Commencer"));
    }

    @Test
    void anActivatedCampaignReachesTheSdkWithinTwoSeconds() throws Exception {
        Response app = given().auth().oauth2(suite.operatorToken())
                .contentType(ContentType.JSON).body(Map.of("name", "E2E shop"))
                .when().post("/v1/apps")
                .then().statusCode(201).extract().response();
        String appId = app.path("id");
        String adminToken = app.path("adminToken");
        String sdkKey = app.path("sdkKey");
        new DemoSeed(suite.gatewayUrl()).awaitCredentialsLive(appId, adminToken, Duration.ofSeconds(10));

        String campaignId = given().auth().oauth2(adminToken)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Spring sale",
                        "triggers", List.of(Map.of("type", "SESSION_START")),
                        "message", Map.of("format", "MODAL", "title", "Spring sale", "body", "20% off today",
                                "buttons", List.of(Map.of("id", "shop", "label", "Shop now", "action", "URL",
                                        "url", "https://shop.example.com/sale")))))
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(201).body("state", equalTo("DRAFT")).extract().path("id");

        given().auth().oauth2(adminToken)
                .when().post("/v1/apps/{appId}/campaigns/{id}/actions/activate", appId, campaignId)
                .then().statusCode(200).body("state", equalTo("ACTIVE"));
        long activatedAt = System.nanoTime();

        boolean served = false;
        while (!served && System.nanoTime() - activatedAt < Duration.ofSeconds(2).toNanos()) {
            served = given().header("X-Marquee-Key", sdkKey).queryParam("userId", "user-42")
                    .when().get("/v1/sdk/messages")
                    .then().statusCode(200)
                    .extract().<List<String>>path("messages.campaignId").contains(campaignId);
        }
        assertTrue(served, "the activated campaign was not served within 2 s");
    }

    /** Issue 18 item 13: a draft previewed on a test user; a send right after activate does not fail. */
    @Test
    void aDraftIsPreviewedOnATestUserAndASendRightAfterActivateIsQueued() throws Exception {
        DemoSeed.NewApp app = new DemoSeed(suite.gatewayUrl()).app(suite.operatorToken(), "Previews");
        given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 10, "maxMessagesPerDay", 10, "minSecondsBetweenMessages", 30,
                        "testUsers", List.of("qa-ana")))
                .when().put("/v1/apps/{appId}/settings", app.appId())
                .then().statusCode(200);
        String campaignId = given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Launch", "triggers", List.of(Map.of("type", "SESSION_START")),
                        "message", Map.of("format", "MODAL", "title", "Launch day", "body", "It is here")))
                .when().post("/v1/apps/{appId}/campaigns", app.appId())
                .then().statusCode(201).extract().path("id");

        // sent at once: the draft and the settings reach delivery while the send waits for them
        given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("qa-ana"), "campaignId", campaignId))
                .when().post("/v1/apps/{appId}/messages/send", app.appId())
                .then().statusCode(202).body("results[0].status", equalTo("queued"));
        given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("someone"), "campaignId", campaignId))
                .when().post("/v1/apps/{appId}/messages/send", app.appId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("campaignId"));

        given().auth().oauth2(app.adminToken())
                .when().post("/v1/apps/{appId}/campaigns/{id}/actions/activate", app.appId(), campaignId)
                .then().statusCode(200);
        given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("someone"), "campaignId", campaignId))
                .when().post("/v1/apps/{appId}/messages/send", app.appId())
                .then().statusCode(202).body("results[0].status", equalTo("queued"));
    }

    /** Issue 18 item 18: a campaign may name only segments its app has; one created just before is one. */
    @Test
    void aCampaignTargetsOnlySegmentsItsAppHas() throws Exception {
        DemoSeed.NewApp app = new DemoSeed(suite.gatewayUrl()).app(suite.operatorToken(), "Segments");
        Map<String, Object> campaign = Map.of("name", "VIP offer", "triggers", List.of(Map.of("type", "SESSION_START")),
                "message", Map.of("format", "MODAL", "title", "For you", "body", "A VIP offer"));
        Map<String, Object> unknown = new java.util.HashMap<>(campaign);
        unknown.put("targeting", Map.of("includeSegments", List.of("no-such-segment")));
        given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON).body(unknown)
                .when().post("/v1/apps/{appId}/campaigns", app.appId())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("targeting.includeSegments"));

        String segmentId = given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "VIPs", "kind", "STATIC"))
                .when().post("/v1/apps/{appId}/segments", app.appId())
                .then().statusCode(201).extract().path("id");
        Map<String, Object> targeted = new java.util.HashMap<>(campaign);
        targeted.put("targeting", Map.of("includeSegments", List.of(segmentId)));
        given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON).body(targeted)
                .when().post("/v1/apps/{appId}/campaigns", app.appId())
                .then().statusCode(201);
    }

    /** Issue 18 item 12: a deleted app is erased in campaign-service and segment-service, with progress. */
    @Test
    void aDeletedAppIsErasedInTheBackgroundWithProgressFromEachService() throws Exception {
        DemoSeed.NewApp app = new DemoSeed(suite.gatewayUrl()).app(suite.operatorToken(), "Deleted");
        String segmentId = given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Pilots", "kind", "STATIC"))
                .when().post("/v1/apps/{appId}/segments", app.appId())
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(app.adminToken()).contentType("text/csv").body("kim\nlee\n")
                .when().post("/v1/apps/{appId}/segments/{id}/members", app.appId(), segmentId)
                .then().statusCode(200);

        given().auth().oauth2(suite.operatorToken()).when().delete("/v1/apps/{appId}", app.appId())
                .then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(suite.operatorToken())
                .when().get("/v1/apps/{appId}/deletion", app.appId())
                .then().statusCode(200)
                .body("state", equalTo("DONE"))
                .body("stores.find { it.store == 'segment-service' }.state", equalTo("DONE"))
                .body("stores.find { it.store == 'segment-service' }.erased.segments", equalTo(1))
                .body("stores.find { it.store == 'segment-service' }.erased.staticMembers", equalTo(2))
                .body("stores.find { it.store == 'delivery-service' }.state", equalTo("DONE")));
        // the revoked admin token no longer opens anything of the app
        given().auth().oauth2(app.adminToken()).when().get("/v1/apps/{appId}/segments/{id}", app.appId(), segmentId)
                .then().statusCode(401);
    }

    /**
     * Issue 20: an A/B test with a control group, decided by delivery for SDK users through the gateway; the users'
     * impressions and clicks reach the report (results-service, through the gateway) within 5 s, exactly.
     */
    @Test
    void aVariantTestsOutcomesReachTheReportThroughTheGateway() throws Exception {
        DemoSeed.NewApp app = new DemoSeed(suite.gatewayUrl()).app(suite.operatorToken(), "Experiment");
        // no workspace caps in the way: every user's session start is decided
        given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 100, "maxMessagesPerDay", 100, "minSecondsBetweenMessages", 0))
                .when().put("/v1/apps/{appId}/settings", app.appId()).then().statusCode(200);
        Map<String, Object> modal = Map.of("format", "MODAL", "title", "Spring sale", "body", "20% off",
                "buttons", List.of(Map.of("id", "shop", "label", "Shop now", "action", "URL",
                        "url", "https://shop.example.com/sale")));
        String campaignId = given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("name", "Spring sale test", "triggers", List.of(Map.of("type", "SESSION_START")),
                        "variants", List.of(Map.of("id", "A", "weight", 40, "message", modal),
                                Map.of("id", "B", "weight", 40, "message", modal)),
                        "controlPercent", 20))
                .when().post("/v1/apps/{appId}/campaigns", app.appId())
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(app.adminToken())
                .when().post("/v1/apps/{appId}/campaigns/{id}/actions/activate", app.appId(), campaignId)
                .then().statusCode(200);
        // delivery knows the campaign once some user is served it: one user alone may be in the control group
        await().atMost(Duration.ofSeconds(10)).until(() -> java.util.stream.IntStream.range(0, 10)
                .anyMatch(p -> given().header("X-Marquee-Key", app.sdkKey()).queryParam("userId", "probe-" + p)
                        .when().get("/v1/sdk/messages")
                        .then().extract().<List<String>>path("messages.campaignId").contains(campaignId)));

        // 40 users start a session: delivery shows A or B (or records the control group's exposure); those shown
        // report the impression, every other one clicks
        Map<String, Integer> exposed = new java.util.HashMap<>(Map.of("A", 0, "B", 0, "control", 0));
        Map<String, Integer> clickers = new java.util.HashMap<>(Map.of("A", 0, "B", 0));
        for (int i = 0; i < 40; i++) {
            String userId = "ab-user-" + i;
            Response decided = given().header("X-Marquee-Key", app.sdkKey()).contentType(ContentType.JSON)
                    .body(Map.of("userId", userId, "sessionId", "s-" + i, "events",
                            List.of(Map.of("eventId", "start-" + i, "type", "session_start"))))
                    .when().post("/v1/sdk/events").then().statusCode(200).extract().response();
            String shown = decided.path("display.campaignId");
            if (!campaignId.equals(shown)) {
                exposed.merge("control", 1, Integer::sum);
                continue;
            }
            String variant = decided.path("display.variant");
            int version = decided.path("display.version");
            exposed.merge(variant, 1, Integer::sum);
            List<Map<String, Object>> interactions = new java.util.ArrayList<>(List.of(Map.of("eventId",
                    "imp-" + i, "type", "impression", "campaignId", campaignId, "version", version, "variant",
                    variant)));
            if (i % 2 == 0) {
                interactions.add(Map.of("eventId", "click-" + i, "type", "click", "campaignId", campaignId, "version",
                        version, "variant", variant, "buttonId", "shop"));
                clickers.merge(variant, 1, Integer::sum);
            }
            given().header("X-Marquee-Key", app.sdkKey()).contentType(ContentType.JSON)
                    .body(Map.of("userId", userId, "interactions", interactions))
                    .when().post("/v1/sdk/interactions").then().statusCode(200);
        }
        assertTrue(exposed.get("A") > 0 && exposed.get("B") > 0 && exposed.get("control") > 0, exposed.toString());

        long sent = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            Response report = given().auth().oauth2(app.adminToken())
                    .when().get("/v1/apps/{appId}/campaigns/{id}/results", app.appId(), campaignId)
                    .then().statusCode(200).extract().response();
            for (String arm : List.of("A", "B", "control")) {
                assertEquals(exposed.get(arm), report.path("arms.find { it.id == '" + arm + "' }.usersExposed"),
                        arm + " exposed");
            }
            for (String arm : List.of("A", "B")) {
                assertEquals(clickers.get(arm), report.path("arms.find { it.id == '" + arm + "' }.clickers"),
                        arm + " clickers");
            }
        });
        System.out.printf("report exact %d ms after the last interaction%n", (System.nanoTime() - sent) / 1_000_000);

        // another app's token sees none of it; an unknown split is named
        DemoSeed.NewApp other = new DemoSeed(suite.gatewayUrl()).app(suite.operatorToken(), "Other");
        given().auth().oauth2(other.adminToken())
                .when().get("/v1/apps/{appId}/campaigns/{id}/results", app.appId(), campaignId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(app.adminToken()).queryParam("split", "weather")
                .when().get("/v1/apps/{appId}/campaigns/{id}/results", app.appId(), campaignId)
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void badCredentialsAndInputAreRefusedAtTheRightPlace() throws Exception {
        Response app = given().auth().oauth2(suite.operatorToken())
                .contentType(ContentType.JSON).body(Map.of("name", "Guarded"))
                .when().post("/v1/apps").then().statusCode(201).extract().response();
        String appId = app.path("id");
        String adminToken = app.path("adminToken");
        new DemoSeed(suite.gatewayUrl()).awaitCredentialsLive(appId, adminToken, Duration.ofSeconds(10));

        given().when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("mq_at_wrong").when().get("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(adminToken).when().get("/v1/apps/{appId}/campaigns", "another-app")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(Map.of("name", "No message"))
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("triggers"));
        // an admin token is a valid credential, but creating apps is the operator's
        given().auth().oauth2(adminToken).contentType(ContentType.JSON).body(Map.of("name", "Sneaky"))
                .when().post("/v1/apps")
                .then().statusCode(403).contentType("application/problem+json");
        given().queryParam("userId", "u").when().get("/v1/sdk/messages")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void aServiceReachedPastTheGatewayAnswersNothing() throws Exception {
        DemoSeed.NewApp app = new DemoSeed(suite.gatewayUrl()).app(suite.operatorToken(), "Walled");
        long now = Instant.now().getEpochSecond();
        String forged = "v1." + now + "." + (now + 60) + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";
        // what the gateway would add, forged: an operator minting an app, a profile read, the SDK API for the app
        given().baseUri(suite.url(Service.CAMPAIGN)).header("X-Marquee-Principal", "operator")
                .header("X-Marquee-Role", "OWNER").contentType(ContentType.JSON).body(Map.of("name", "Minted"))
                .when().post("/v1/apps")
                .then().statusCode(401).contentType("application/problem+json");
        given().baseUri(suite.url(Service.SEGMENT)).header("X-Marquee-Principal", "operator")
                .header("X-Marquee-Role", "OWNER").header(GatewayAssertion.HEADER, forged)
                .when().get("/v1/apps/{appId}/users/{userId}", app.appId(), "alice")
                .then().statusCode(401).contentType("application/problem+json");
        given().baseUri(suite.url(Service.DELIVERY)).header("X-Marquee-App-Id", app.appId())
                .queryParam("userId", "alice")
                .when().get("/v1/sdk/messages")
                .then().statusCode(401).contentType("application/problem+json");
        // the same calls through the gateway, with the app's credentials
        // answered (an unknown user is 404 or empty), no longer refused
        given().auth().oauth2(app.adminToken()).when().get("/v1/apps/{appId}/users/{userId}", app.appId(), "alice")
                .then().statusCode(anyOf(is(200), is(404)));
        given().header("X-Marquee-Key", app.sdkKey()).queryParam("userId", "alice")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200);
    }

    @Test
    void aMessageSentOnOneDeliveryInstanceReachesTheStreamHeldByAnother() throws Exception {
        DemoSeed.NewApp app = new DemoSeed(suite.gatewayUrl()).app(suite.operatorToken(), "Two delivery instances");
        // the gateway routes to the suite's delivery-service (A); the second one (B) is reached directly, with the
        // headers the gateway would add after checking the SDK key, signed with the suite's trust key
        try (LocalSuite.Instance second = suite.startInstance(Service.DELIVERY);
                EventStreamLines online = EventStreamLines.open(stream(second, "online-user"),
                        asGateway(app, "online-user"))) {
            await().atMost(Duration.ofSeconds(10)).until(() -> online.lines().contains("event:connected"));

            // sent after the stream connected: only the Redis announcement can bring it to B, not the replay at connect
            sendThroughTheFirstInstance(app, "online-user", "Payment failed");
            await("the message sent on A, on the stream held by B").atMost(Duration.ofSeconds(5))
                    .until(() -> online.received("Payment failed"));
            assertTrue(online.lines().contains("id:1"), "the outbox sequence is the event id: " + online.lines());

            // connected nowhere when sent: kept in the user's outbox, and B delivers it when the stream connects there
            sendThroughTheFirstInstance(app, "away-user", "Your order shipped");
            try (EventStreamLines later = EventStreamLines.open(stream(second, "away-user"),
                    asGateway(app, "away-user"))) {
                await("the kept message, when the stream connects to B").atMost(Duration.ofSeconds(5))
                        .until(() -> later.received("Your order shipped"));
                assertTrue(later.lines().contains("id:1"), "replayed with its event id: " + later.lines());
            }
        }
    }

    private static void sendThroughTheFirstInstance(DemoSeed.NewApp app, String userId, String title) {
        given().auth().oauth2(app.adminToken()).contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of(userId), "message",
                        Map.of("format", "MODAL", "title", title, "body", "Sent by the app's backend")))
                .when().post("/v1/apps/{appId}/messages/send", app.appId())
                .then().statusCode(202)
                .body("results[0].userId", equalTo(userId))
                .body("results[0].status", equalTo("queued"));
    }

    private static Map<String, String> asGateway(DemoSeed.NewApp app, String userId) {
        String assertion = new GatewayAssertion(List.of(suite.trustKey()), Clock.systemUTC()).sign(new AssertedRequest(
                "GET", "/v1/sdk/stream?userId=" + userId, app.appId(), null, null, null));
        return Map.of("X-Marquee-App-Id", app.appId(), GatewayAssertion.HEADER, assertion);
    }

    private static URI stream(LocalSuite.Instance instance, String userId) {
        return URI.create(instance.url() + "/v1/sdk/stream?userId=" + userId);
    }

    /** Every process whose command line names the suite's state directory (services, PostgreSQL). */
    private static List<String> processesOfTheSuite() throws IOException {
        String marker = stateDir.toAbsolutePath().toString();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .filter(p -> commandLine(p).contains(marker))
                    .map(p -> p.getFileName() + " " + commandLine(p))
                    .toList();
        }
    }

    private static String commandLine(Path proc) {
        try {
            return new String(Files.readAllBytes(proc.resolve("cmdline")), StandardCharsets.UTF_8).replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
