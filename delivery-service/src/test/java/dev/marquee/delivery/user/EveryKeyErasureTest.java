package dev.marquee.delivery.user;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static dev.marquee.delivery.Catalogue.caps;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.delivery.Catalogue;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.redis.client.Response;

/**
 * An {@code ERASED} event leaves no key of the user: impressions, counters, sessions, inbox, outbox and its sequence,
 * conversions, and the markers of interactions and membership events handled. Another user's data stays.
 */
@QuarkusTest
class EveryKeyErasureTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @Test
    void noKeyMentioningAnErasedUserIsLeftAndOtherUsersKeepTheirs() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(1000, 1000, 0));
        app.publish(Catalogue.withGoals(campaign(app.appId, "welcome", SESSION_START, caps(null, 1, null, null, 50, false)),
                new Goals(List.of(new Goals.GoalEvent("purchase", List.of())), 3)), card(app, "news"));
        for (String user : List.of("ana", "zed")) {
            assertThat(app.shown(user, "s1"), equalTo("welcome"));
            assertThat(app.shown(user, "s2"), equalTo("welcome"));
            given().header("X-Marquee-App-Id", app.appId).queryParam("userId", user).when().get("/v1/sdk/inbox")
                    .then().statusCode(200).body("cards[0].campaignId", equalTo("news"));
            given().header("X-Marquee-App-Id", app.appId).queryParam("userId", user)
                    .when().post("/v1/sdk/inbox/news/read").then().statusCode(204);
            track(app, user, Map.of("eventId", user + "-purchase", "type", "purchase"));
            given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                    .body(Map.of("userId", user, "interactions", List.of(Map.of("eventId", user + "-click", "type",
                            "click", "campaignId", "welcome", "version", 1, "variant", "A", "buttonId", "ok"))))
                    .when().post("/v1/sdk/interactions").then().statusCode(200);
            app.membership(new SegmentMembershipEvent(UUID.randomUUID().toString(), MembershipChange.ENTERED,
                    app.appId, user, "vip", 1, List.of(), Instant.now()));
            given().contentType(ContentType.JSON)
                    .body(Map.of("userIds", List.of(user), "campaignId", "welcome", "ttlSeconds", 3600))
                    .when().post("/v1/apps/" + app.appId + "/messages/send").then().statusCode(202);
        }
        // the conversion and the segment entry are handled by consumers: wait until they wrote
        for (String user : List.of("ana", "zed")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> redis.key().exists(key(app, user, "conversions"))
                    && redis.sortedSet(String.class).zcard(key(app, user, "outbox")) == 2);
            assertThat(keysOf(app, user), hasItems(key(app, user, "delivery"), key(app, user, "impressions"),
                    key(app, user, "impressions:welcome"), key(app, user, "session:s1"), key(app, user, "session:s2"),
                    key(app, user, "inbox"), key(app, user, "outbox"), key(app, user, "conversions")));
        }
        Set<String> zedsKeys = keysOf(app, "zed");

        app.membership(new SegmentMembershipEvent(UUID.randomUUID().toString(), MembershipChange.ERASED, app.appId,
                "ana", null, 0, List.of(), Instant.now()));

        await().atMost(Duration.ofSeconds(15)).until(() -> keysOf(app, "ana").isEmpty());
        assertThat("zed keeps every key", keysOf(app, "zed"), equalTo(zedsKeys));
        assertThat("zed's session cap still counts", app.shown("zed", "s2"), nullValue());
        assertThat("ana starts over", app.shown("ana", "s2"), equalTo("welcome"));
    }

    /**
     * Every key of the app whose name holds the user id, found by SCAN, whatever its layout (the test's user ids are
     * no part of any key's fixed name).
     */
    private Set<String> keysOf(Catalogue app, String userId) {
        Set<String> keys = new TreeSet<>();
        String cursor = "0";
        do {
            Response page = redis.execute("SCAN", cursor, "MATCH", "*" + app.appId + "*" + userId + "*", "COUNT",
                    "1000");
            cursor = page.get(0).toString();
            page.get(1).forEach(k -> keys.add(k.toString()));
        } while (!"0".equals(cursor));
        return keys;
    }

    private static String key(Catalogue app, String userId, String name) {
        return "mq:{" + app.appId + ":" + userId + "}:" + name;
    }

    private static void track(Catalogue app, String userId, Map<String, Object> event) {
        given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "sessionId", "s2", "events", List.of(event)))
                .when().post("/v1/sdk/events")
                .then().statusCode(200);
    }

    private static CampaignSnapshot card(Catalogue app, String id) {
        Message message = new Message(MessageFormat.CARD, "Title of " + id, "Body", null, List.of(), null, null,
                new Message.Card(false, null), null, null, null, null, null, null);
        return Catalogue.withVariants(campaign(app.appId, id, SESSION_START, Frequency.DEFAULT),
                List.of(new Variant("A", null, 100, message)), 0);
    }
}
