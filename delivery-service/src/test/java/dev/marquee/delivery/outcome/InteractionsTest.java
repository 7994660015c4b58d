package dev.marquee.delivery.outcome;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.delivery.Catalogue;
import dev.marquee.delivery.TopicReader;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class InteractionsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @Test
    void interactionsArePublishedOncePerEventIdWithCampaignVersionAndVariant() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT),
                Catalogue.survey(app.appId, "feedback"));
        Map<String, Object> click = Map.of("eventId", "i-2", "type", "click", "campaignId", "welcome", "version", 1,
                "variant", "A", "buttonId", "ok");

        post(app.appId, List.of(
                Map.of("eventId", "i-1", "type", "impression", "campaignId", "welcome", "version", 1, "variant", "A"),
                click,
                Map.of("eventId", "i-3", "type", "survey_answer", "campaignId", "feedback", "version", 1, "variant",
                        "A", "answers", Map.of("nps", 9, "why", List.of("speed")))))
                .then().statusCode(200)
                .body("results.status", contains("accepted", "accepted", "accepted"));
        // the SDK retries the click: answered, not published again
        post(app.appId, List.of(click)).then().statusCode(200).body("results[0].status", equalTo("duplicate"));

        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.DELIVERY_OUTCOMES,
                app.appId + ":welcome", 2);
        assertThat(records, hasSize(2));
        JsonNode published = json.readTree(records.get(1).value());
        assertThat(published.get("eventId").asText(), equalTo("i-2"));
        assertThat(published.get("type").asText(), equalTo("CLICK"));
        assertThat(published.get("userId").asText(), equalTo("ana"));
        assertThat(published.get("version").asLong(), equalTo(1L));
        assertThat(published.get("variantId").asText(), equalTo("A"));
        assertThat(published.get("buttonId").asText(), equalTo("ok"));
        JsonNode answered = json.readTree(TopicReader.records(bootstrap, Topics.DELIVERY_OUTCOMES,
                app.appId + ":feedback", 1).get(0).value());
        assertThat(answered.at("/answers/nps").asInt(), equalTo(9));
        assertThat(answered.at("/answers/why/0").asText(), equalTo("speed"));
    }

    @Test
    void aRetryWhileTheFirstAttemptMayStillFailIsPublishedNotDropped() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT));
        // a first attempt has claimed the id and is still publishing (it may yet fail)
        redis.value(String.class).set("mq:{" + app.appId + ":ana}:interaction:in-flight", "pending");

        post(app.appId, List.of(Map.of("eventId", "in-flight", "type", "impression", "campaignId", "welcome", "version",
                1, "variant", "A"))).then().statusCode(200).body("results[0].status", equalTo("accepted"));
        assertThat(TopicReader.records(bootstrap, Topics.DELIVERY_OUTCOMES, app.appId + ":welcome", 1), hasSize(1));
        // once published, a retry is a duplicate
        post(app.appId, List.of(Map.of("eventId", "in-flight", "type", "impression", "campaignId", "welcome", "version",
                1, "variant", "A"))).then().statusCode(200).body("results[0].status", equalTo("duplicate"));
    }

    @Test
    void aRetryOverlappingAFirstAttemptThatSucceedsIsADuplicate() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT));
        String key = "mq:{" + app.appId + ":ana}:interaction:overlap";
        // the first attempt has claimed the id and publishes it a moment later
        redis.value(String.class).set(key, "pending");
        java.util.concurrent.CompletableFuture.runAsync(() -> redis.value(String.class).set(key, "published"),
                java.util.concurrent.CompletableFuture.delayedExecutor(300, java.util.concurrent.TimeUnit.MILLISECONDS));

        post(app.appId, List.of(Map.of("eventId", "overlap", "type", "impression", "campaignId", "welcome", "version",
                1, "variant", "A"))).then().statusCode(200).body("results[0].status", equalTo("duplicate"));
    }

    @Test
    void outcomesOfAMessageShownBeforeItsCampaignStoppedStillCount() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        CampaignSnapshot welcome = campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT);
        app.publish(welcome);
        app.stop(welcome, CampaignState.PAUSED);

        // shown while it was live, reported after the pause (the SDK was offline)
        post(app.appId, List.of(Map.of("eventId", "late", "type", "impression", "campaignId", "welcome", "version", 1,
                "variant", "A"))).then().statusCode(200).body("results[0].status", equalTo("accepted"));
        assertThat(TopicReader.records(bootstrap, Topics.DELIVERY_OUTCOMES, app.appId + ":welcome", 1), hasSize(1));
    }

    @Test
    void aBadInteractionIsRejectedWithItsFieldAndAnotherAppsCampaignIsUnknown() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT));
        Catalogue other = new Catalogue(json, bootstrap);

        post(app.appId, List.of(
                Map.of("eventId", "ok", "type", "dismiss", "campaignId", "welcome", "version", 1, "variant", "A"),
                Map.of("eventId", "no-button", "type", "click", "campaignId", "welcome", "version", 1, "variant", "A"),
                Map.of("eventId", "bad-variant", "type", "dismiss", "campaignId", "welcome", "version", 1, "variant",
                        "Z")))
                .then().statusCode(200)
                .body("results.status", contains("accepted", "rejected", "rejected"))
                .body("results[1].errors[0].field", equalTo("interactions[1].buttonId"))
                .body("results[2].errors[0].field", equalTo("interactions[2].variant"));

        post(other.appId, List.of(
                Map.of("eventId", "x", "type", "dismiss", "campaignId", "welcome", "version", 1, "variant", "A")))
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("interactions[0].campaignId"));
    }

    private static io.restassured.response.Response post(String appId, List<Map<String, Object>> interactions) {
        return given().header("X-Marquee-App-Id", appId).contentType(ContentType.JSON)
                .body(Map.of("userId", "ana", "interactions", interactions))
                .when().post("/v1/sdk/interactions");
    }
}
