package dev.marquee.delivery.event.rest;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasEntry;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.PropertyFilter;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.delivery.Catalogue;
import dev.marquee.delivery.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class SdkEventsTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void validEventsArePublishedAndTheTriggeredMessageIsAnswered() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT));

        given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                .body(Map.of("userId", "ana", "sessionId", "s1", "locale", "fr-CA", "events", List.of(
                        Map.of("eventId", "e1", "type", "session_start"),
                        Map.of("eventId", "e2", "type", "screen_view", "name", "home"),
                        Map.of("eventId", "e3", "type", "attributes", "attributes", Map.of("first_name", "Ana")))))
                .when().post("/v1/sdk/events")
                .then().statusCode(200)
                .body("accepted", equalTo(3))
                .body("rejected", equalTo(0))
                .body("degraded", equalTo(false))
                .body("display.campaignId", equalTo("welcome"))
                .body("display.variant", equalTo("A"))
                .body("display.locale", equalTo("fr"))
                .body("display.message.title", equalTo("Titre de welcome"))
                .body("display.trigger.type", equalTo("SESSION_START"));

        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.USER_EVENTS,
                app.appId + ":ana", 3);
        assertThat(records, hasSize(3));
        JsonNode screen = json.readTree(records.get(1).value());
        assertThat(screen.get("eventId").asText(), equalTo("e2"));
        assertThat(screen.get("type").asText(), equalTo("TRACK"));
        assertThat(screen.get("name").asText(), equalTo("screen_view"));
        assertThat(screen.at("/properties/screen").asText(), equalTo("home"));
        assertThat(json.readTree(records.get(2).value()).at("/attributes/first_name").asText(), equalTo("Ana"));
    }

    /** Issue 19 item 2: the SDK path refuses the track names segment-service's ingestion refuses (UserEventRules). */
    @Test
    void aTrackNameWithAHashIsRejectedAsSegmentServiceWould() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                .body(Map.of("userId", "bo", "events", List.of(
                        Map.of("eventId", "hash-1", "type", "track", "name", "purchase#gold"),
                        Map.of("eventId", "screen-1", "type", "screen_view", "name", "faq#shipping"))))
                .when().post("/v1/sdk/events")
                .then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("results[0].status", equalTo("rejected"))
                .body("results[0].errors[0].field", equalTo("events[0].name"))
                .body("results[0].errors[0].message", equalTo("must not contain '#'"))
                .body("results[1].status", equalTo("accepted"));
    }

    @Test
    void aMalformedEventIsRejectedWithItsIndexAndFieldAndTheRestStillCounts() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                .body(Map.of("userId", "bo", "events", List.of(
                        Map.of("eventId", "ok-1", "type", "track", "name", "added_to_cart"),
                        Map.of("type", "track", "name", "x"),
                        Map.of("eventId", "bad-type", "type", "teleport"),
                        Map.of("eventId", "bad-props", "type", "purchase", "properties", Map.of("items", List.of(1))))))
                .when().post("/v1/sdk/events")
                .then().statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(3))
                .body("results[1].status", equalTo("rejected"))
                .body("results[1].errors[0].field", equalTo("events[1].eventId"))
                .body("results[2].errors[0].field", equalTo("events[2].type"))
                .body("results[3].errors[0].field", equalTo("events[3].properties.items"))
                .body("display", nullValue());

        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.USER_EVENTS,
                app.appId + ":bo", 1);
        assertThat(records, hasSize(1));
        assertThat(records.get(0).value(), containsString("ok-1"));
    }

    @Test
    void anIdentifyMayNameOnlyAnAnonymousIdTheSdkGeneratedNotAKnownUser() {
        given().header("X-Marquee-App-Id", "app").contentType(ContentType.JSON)
                .body(Map.of("userId", "mallory", "events", List.of(
                        Map.of("eventId", "take-1", "type", "identify", "anonymousId", "alice"))))
                .when().post("/v1/sdk/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("events[0].anonymousId"));
        given().header("X-Marquee-App-Id", "app").contentType(ContentType.JSON)
                .body(Map.of("userId", "mallory", "events", List.of(
                        Map.of("eventId", "merge-1", "type", "identify", "anonymousId", "anon-3f2a"))))
                .when().post("/v1/sdk/events")
                .then().statusCode(200).body("accepted", equalTo(1));
    }

    @Test
    void aBatchWithoutAnyValidEventOrWithABadContextIsA400NamingTheFields() {
        given().header("X-Marquee-App-Id", "app").contentType(ContentType.JSON)
                .body(Map.of("userId", "bo", "events", List.of(Map.of("type", "track", "name", "x"))))
                .when().post("/v1/sdk/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("events[0].eventId"));
        given().header("X-Marquee-App-Id", "app").contentType(ContentType.JSON)
                .body(Map.of("platform", "amiga", "timeZone", "Mars/Olympus", "events", List.of()))
                .when().post("/v1/sdk/events")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItems("userId", "platform", "timeZone", "events"));
        given().header("X-Marquee-App-Id", "app").contentType(ContentType.JSON).body("{not json")
                .when().post("/v1/sdk/events")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void screenAndCustomTriggersFireOnlyOnTheirNameAndFilters() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(
                campaign(app.appId, "checkout", new Trigger(Trigger.Type.SCREEN_VIEW, "checkout", null, List.of(), 2),
                        Frequency.DEFAULT),
                campaign(app.appId, "big-cart", new Trigger(Trigger.Type.CUSTOM_EVENT, "added_to_cart", null,
                        List.of(new PropertyFilter("amount", PropertyFilter.Operator.GT, List.of(100))), 0),
                        Frequency.DEFAULT));

        assertThat(display(app, Map.of("eventId", id(), "type", "screen_view", "name", "home")), nullValue());
        Map<String, Object> checkout = display(app, Map.of("eventId", id(), "type", "screen_view", "name", "checkout"));
        assertThat(checkout, hasEntry("campaignId", "checkout"));
        assertThat(checkout, hasEntry("delaySeconds", 2));
        assertThat(display(app, Map.of("eventId", id(), "type", "track", "name", "added_to_cart", "properties",
                Map.of("amount", 50))), nullValue());
        assertThat(display(app, Map.of("eventId", id(), "type", "track", "name", "added_to_cart", "properties",
                Map.of("amount", 150))), hasEntry("campaignId", "big-cart"));
    }

    private static Map<String, Object> display(Catalogue app, Map<String, Object> event) {
        return given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                .body(Map.of("userId", "u-" + id(), "events", List.of(event)))
                .when().post("/v1/sdk/events")
                .then().statusCode(200).extract().jsonPath().getMap("display");
    }

    private static String id() {
        return UUID.randomUUID().toString();
    }
}
