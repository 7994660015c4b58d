package dev.marquee.delivery.stream;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.trust.GatewayAssertion;
import dev.marquee.delivery.Catalogue;
import dev.marquee.infra.test.SignAllTestRequests;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Server-triggered messages over SSE: live to a connected stream (through Redis pub/sub), kept for a stream that
 * connects later, resumed after Last-Event-ID, personalized with the user's profile; resync hints when a campaign
 * changes.
 */
@QuarkusTest
class StreamTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/v1/sdk/stream")
    URI stream;

    @Test
    void aSentMessageReachesTheOpenStreamAndAChangedCampaignAsksForAResync() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT));
        List<String> lines = open(app.appId, "ana", null);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:connected"));

        send(app.appId, Map.of("userIds", List.of("ana"), "message", Map.of("format", "MODAL", "title",
                "Payment failed", "body", "Update your card")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> lines.stream().anyMatch(l -> l.contains("Payment failed")));
        assertThat(lines, hasItem("id:1"));
        // until when it may still be shown (the default TTL, a day): a tab that is not shown keeps it for later
        String data = lines.stream().filter(l -> l.contains("Payment failed")).findFirst().orElseThrow();
        Instant expiresAt = Instant.parse(json.readTree(data.substring("data:".length())).get("expiresAt").asText());
        assertThat(Duration.between(Instant.now(), expiresAt).toHours(), equalTo(23L));

        app.publish(campaign(app.appId, "other", SESSION_START, Frequency.DEFAULT));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:resync"));
        // nothing but the fields an EventSource reads: no stray per-event content-type line
        assertThat(lines.stream().filter(l -> !l.isEmpty() && !l.matches("(id|event|data|retry):.*")).toList(),
                equalTo(List.of()));
    }

    @Test
    void aTestUsersPreviewIsMarkedOnTheStream() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new dev.marquee.contracts.app.WorkspaceSettings(10, 10, 30, false, List.of(), List.of("qa")));
        app.draft(campaign(app.appId, "launch", SESSION_START, Frequency.DEFAULT));
        app.publish(campaign(app.appId, "live", SESSION_START, Frequency.DEFAULT));
        List<String> lines = open(app.appId, "qa", null);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:connected"));

        send(app.appId, Map.of("userIds", List.of("qa"), "campaignId", "launch"));
        send(app.appId, Map.of("userIds", List.of("qa"), "campaignId", "live"));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> lines.stream().anyMatch(l -> l.contains("Title of live")));
        JsonNode preview = json.readTree(lines.stream().filter(l -> l.contains("Title of launch")).findFirst()
                .orElseThrow().substring("data:".length()));
        JsonNode sent = json.readTree(lines.stream().filter(l -> l.contains("Title of live")).findFirst()
                .orElseThrow().substring("data:".length()));
        assertThat(preview.path("preview").asBoolean(), equalTo(true));
        assertThat(sent.has("preview"), equalTo(false));
    }

    @Test
    void aMessageForAnOfflineUserWaitsAndAResumedStreamGetsOnlyWhatItMissed() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT));
        send(app.appId, Map.of("userIds", List.of("bo"), "campaignId", "welcome"));
        send(app.appId, Map.of("userIds", List.of("bo"), "message", Map.of("format", "MODAL", "title", "Second")));

        List<String> resumed = open(app.appId, "bo", "1");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> resumed.stream().anyMatch(l -> l.contains("Second")));
        assertThat(String.join("\n", resumed), not(containsString("Title of welcome")));

        List<String> fresh = open(app.appId, "bo", null);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> fresh.stream().anyMatch(l -> l.contains("Second")));
        assertThat(String.join("\n", fresh), containsString("Title of welcome"));
    }

    @Test
    void aStreamThatSawIdsFromBeforeTheSequenceStartedOverGetsTheNewMessages() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        send(app.appId, Map.of("userIds", List.of("fay"), "message", Map.of("format", "MODAL", "title", "First")));
        send(app.appId, Map.of("userIds", List.of("fay"), "message", Map.of("format", "MODAL", "title", "Second")));
        // the user was erased (or the outbox expired): the sequence starts over below what the device saw
        redis.key().del("mq:{" + app.appId + ":fay}:outbox", "mq:{" + app.appId + ":fay}:outbox-seq");

        List<String> lines = open(app.appId, "fay", "2");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:connected"));
        send(app.appId, Map.of("userIds", List.of("fay"), "message", Map.of("format", "MODAL", "title", "Third")));
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> lines.stream().anyMatch(l -> l.contains("Third")));
        assertThat(lines, hasItem("id:1"));
        assertThat(String.join("\n", lines), not(containsString("Second")));
    }

    @Test
    void eachKeptMessageLastsItsOwnTtl() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        send(app.appId, Map.of("userIds", List.of("eve"), "ttlSeconds", 1, "message", Map.of("format", "MODAL",
                "title", "Short-lived")));
        send(app.appId, Map.of("userIds", List.of("eve"), "message", Map.of("format", "MODAL", "title", "Long-lived")));
        send(app.appId, Map.of("userIds", List.of("eve"), "ttlSeconds", 1, "message", Map.of("format", "MODAL",
                "title", "Also short-lived")));
        Thread.sleep(2_000);

        // the last send's short TTL does not cut the earlier long-lived message, nor does that one keep the others
        List<String> lines = open(app.appId, "eve", null);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> lines.stream().anyMatch(l -> l.contains("Long-lived")));
        Thread.sleep(300);
        assertThat(String.join("\n", lines), not(containsString("hort-lived")));
        assertThat(lines, hasItem("id:2"));
    }

    @Test
    void aSentMessageIsPersonalizedWithTheUsersProfile() {
        Catalogue app = new Catalogue(json, bootstrap);
        // segment-service's layout: attribute name → JSON value
        redis.hash(String.class).hset("mq:{" + app.appId + ":cleo}:profile", Map.of("a:first_name", "\"Cleo\"",
                "a:plan", "\"gold\""));
        send(app.appId, Map.of("userIds", List.of("cleo", "dan"), "message", Map.of("format", "MODAL",
                "title", "Hi {{ user.first_name | default: \"there\" }}",
                "body", "Your {{ user.custom.plan | default: \"free\" }} plan")));

        List<String> cleo = open(app.appId, "cleo", null);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> cleo.stream().anyMatch(l -> l.contains("Hi Cleo")));
        assertThat(String.join("\n", cleo), containsString("Your gold plan"));
        // no profile: the filters' defaults
        List<String> dan = open(app.appId, "dan", null);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> dan.stream().anyMatch(l -> l.contains("Hi there")));
        assertThat(String.join("\n", dan), containsString("Your free plan"));
    }

    @Test
    void aSendNamesItsBadFieldsAndAnotherAppsCampaignIsUnknown() {
        Catalogue app = new Catalogue(json, bootstrap);
        given().contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of(), "campaignId", "nope", "ttlSeconds", 0))
                .when().post("/v1/apps/" + app.appId + "/messages/send")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("userIds", "campaignId", "ttlSeconds"));
        given().contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("a"), "message", Map.of("format", "MODAL", "title",
                        "{% include x %}")))
                .when().post("/v1/apps/" + app.appId + "/messages/send")
                .then().statusCode(400).body("errors[0].field", equalTo("message"));
        // an inline message follows the link rules of campaigns: https and app deep links only
        given().contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("a"), "message", Map.of("format", "MODAL", "title", "Pay", "body", "now",
                        "buttons", List.of(Map.of("id", "go", "label", "Go", "action", "URL", "url", "javascript:alert(1)")),
                        "media", Map.of("url", "http://cdn.example.com/a.png", "alt", "A"))))
                .when().post("/v1/apps/" + app.appId + "/messages/send")
                .then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("message.buttons[0].url", "message.media.url"));
    }

    /** Issue 17 item 7: an inline message keeps the app's rules and the campaign model's limits; the fan-out is sized. */
    @Test
    void anInlineMessageKeepsTheAppsRulesAndTheFanOutIsSized() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new dev.marquee.contracts.app.WorkspaceSettings(10, 10, 30, false, List.of("demoshop")));
        given().contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("a"), "message", Map.of("format", "HTML", "html", "<p>hi</p>")))
                .when().post("/v1/apps/" + app.appId + "/messages/send")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("message.format"));
        given().contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("a"), "message", Map.of("format", "MODAL", "title", "x".repeat(50_000))))
                .when().post("/v1/apps/" + app.appId + "/messages/send")
                .then().statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItem("message.title"));
        // deep links: the app's own scheme only; itms-services and another app's scheme are refused
        given().contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("a"), "message", Map.of("format", "MODAL", "title", "Go",
                        "buttons", List.of(
                                Map.of("id", "a", "label", "A", "action", "DEEP_LINK", "url",
                                        "itms-services://?action=download-manifest&url=https://x.example/m.plist"),
                                Map.of("id", "b", "label", "B", "action", "DEEP_LINK", "url", "otherapp://pay")))))
                .when().post("/v1/apps/" + app.appId + "/messages/send")
                .then().statusCode(400).body("errors.field",
                        org.hamcrest.Matchers.hasItems("message.buttons[0].url", "message.buttons[1].url"));
        send(app.appId, Map.of("userIds", List.of("a"), "message", Map.of("format", "MODAL", "title", "Go",
                "buttons", List.of(Map.of("id", "a", "label", "A", "action", "DEEP_LINK", "url", "demoshop://cart")))));
        // the SDK applies the same list: the sync response names the app's schemes
        given().header("X-Marquee-App-Id", app.appId).queryParam("userId", "a")
                .when().get("/v1/sdk/messages")
                .then().statusCode(200).body("linkSchemes", equalTo(List.of("demoshop")));
        // 1,000 users times a message of ~2 kB in each of 100 locales: far more than the 8 MiB a send may copy
        Map<String, Object> locales = new java.util.HashMap<>();
        for (int i = 0; i < 100; i++) {
            locales.put("l" + i, Map.of("title", "t".repeat(200), "body", "b".repeat(2000)));
        }
        List<String> users = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> "u" + i).toList();
        given().contentType(ContentType.JSON)
                .body(Map.of("userIds", users, "message", Map.of("format", "MODAL", "title", "Big", "locales", locales)))
                .when().post("/v1/apps/" + app.appId + "/messages/send")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("message"));
    }

    private void send(String appId, Map<String, Object> body) {
        given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/" + appId + "/messages/send")
                .then().statusCode(202).body("results[0].status", equalTo("queued"));
    }

    /** Opens a stream and collects its lines in the background, until the test's JVM ends it. */
    private List<String> open(String appId, String userId, String lastEventId) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stream + "?userId=" + userId))
                .header("X-Marquee-App-Id", appId)
                .header(GatewayAssertion.HEADER, SignAllTestRequests.assertion("GET",
                        URI.create(stream + "?userId=" + userId).getRawPath() + "?userId=" + userId, appId, null, null, null))
                .header("Accept", "text/event-stream");
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpClient.newHttpClient().sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(line -> lines.add(line.replace(": ", ":")));
                    }
                });
        return lines;
    }
}
