package dev.marquee.delivery.inbox;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.delivery.Catalogue;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InboxTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @Test
    void cardsArrivePinnedFirstCanBeReadAndArchivedAndExpiredOnesAreGone() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(card(app, "news", false, null), card(app, "pinned", true, null),
                card(app, "expired", false, Instant.parse("2026-01-02T00:00:00Z")),
                campaign(app.appId, "modal", SESSION_START, Frequency.DEFAULT));

        inbox(app, "ana").then().statusCode(200)
                .body("cards.campaignId", contains("pinned", "news"))
                .body("cards[0].pinned", equalTo(true))
                .body("cards[1].read", equalTo(false))
                .body("cards[1].message.title", equalTo("Title of news"));

        given().header("X-Marquee-App-Id", app.appId).queryParam("userId", "ana")
                .when().post("/v1/sdk/inbox/news/read").then().statusCode(204);
        inbox(app, "ana").then().body("cards.find { it.campaignId == 'news' }.read", equalTo(true));

        given().header("X-Marquee-App-Id", app.appId).queryParam("userId", "ana")
                .when().post("/v1/sdk/inbox/pinned/archive").then().statusCode(204);
        inbox(app, "ana").then().body("cards.campaignId", contains("news"));

        // another user, or another app, has no such card
        given().header("X-Marquee-App-Id", app.appId).queryParam("userId", "bo")
                .when().post("/v1/sdk/inbox/news/read").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("X-Marquee-App-Id", new Catalogue(json, bootstrap).appId).queryParam("userId", "ana")
                .when().post("/v1/sdk/inbox/news/read").then().statusCode(404);
        given().header("X-Marquee-App-Id", app.appId)
                .when().get("/v1/sdk/inbox").then().statusCode(400).body("errors[0].field", equalTo("userId"));

        // the inbox of a user who never comes back ends: a year after the last look at it
        assertThat(redis.key().ttl("mq:{" + app.appId + ":ana}:inbox"),
                allOf(greaterThan(Duration.ofDays(366).minusMinutes(1).toSeconds()),
                        lessThanOrEqualTo(Duration.ofDays(366).toSeconds())));
    }

    @Test
    void aCardGoesToTheInboxAndNeverTakesTheScreenFromAModal() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        // one message per session on screen: a card that took the slot would hide the welcome modal for good
        app.settings(new WorkspaceSettings(1, 1000, 0));
        CampaignSnapshot urgentCard = card(app, "news", false, null);
        app.publish(Catalogue.withVariants(campaign(app.appId, "news", SESSION_START, Catalogue.caps(null, null, null,
                null, 90, false)), urgentCard.variants(), 0),
                campaign(app.appId, "welcome", SESSION_START, Catalogue.caps(null, null, null, null, 10, false)));

        assertThat(app.explain("ana", "SESSION_START", "s1").get("news"), equalTo("inbox"));
        assertThat(app.shown("ana", "s1"), equalTo("welcome"));
        inbox(app, "ana").then().statusCode(200).body("cards.campaignId", contains("news"));
    }

    private static io.restassured.response.Response inbox(Catalogue app, String userId) {
        return given().header("X-Marquee-App-Id", app.appId).queryParam("userId", userId).when().get("/v1/sdk/inbox");
    }

    private static CampaignSnapshot card(Catalogue app, String id, boolean pinned, Instant expiresAt) {
        Message message = new Message(MessageFormat.CARD, "Title of " + id, "Body", null, List.of(), null, null,
                new Message.Card(pinned, expiresAt), null, null, null, null, null, null);
        return Catalogue.withVariants(campaign(app.appId, id, SESSION_START, Frequency.DEFAULT),
                List.of(new Variant("A", null, 100, message)), 0);
    }
}
