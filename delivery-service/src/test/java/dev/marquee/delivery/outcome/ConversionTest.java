package dev.marquee.delivery.outcome;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.contracts.campaign.PropertyFilter;
import dev.marquee.delivery.Catalogue;
import dev.marquee.delivery.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** A goal event after an impression converts it once; a user who never saw the campaign converts nothing. */
@QuarkusTest
class ConversionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void aGoalEventWithinTheWindowAfterAnImpressionEmitsOneConversion() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(100, 100, 0));
        app.publish(Catalogue.withGoals(campaign(app.appId, "upsell", SESSION_START, Frequency.DEFAULT),
                new Goals(List.of(new Goals.GoalEvent("purchase",
                        List.of(new PropertyFilter("amount", PropertyFilter.Operator.GTE, List.of(10))))), 3)));

        assertThat(app.shown("ana", "s1"), equalTo("upsell"));
        track(app, "ana", Map.of("eventId", "small", "type", "purchase", "properties", Map.of("amount", 5)));
        track(app, "ana", Map.of("eventId", "big-1", "type", "purchase", "properties", Map.of("amount", 20)));
        track(app, "ana", Map.of("eventId", "big-2", "type", "purchase", "properties", Map.of("amount", 30)));
        // bo never saw it
        track(app, "bo", Map.of("eventId", "bo-1", "type", "purchase", "properties", Map.of("amount", 30)));

        List<ConsumerRecord<String, String>> conversions = TopicReader.records(bootstrap, Topics.DELIVERY_OUTCOMES,
                app.appId + ":upsell", 1);
        assertThat(conversions, hasSize(1));
        JsonNode conversion = json.readTree(conversions.get(0).value());
        assertThat(conversion.get("type").asText(), equalTo("CONVERSION"));
        assertThat(conversion.get("userId").asText(), equalTo("ana"));
        assertThat(conversion.get("goalEvent").asText(), equalTo("purchase"));
        assertThat(conversion.get("variantId").asText(), equalTo("A"));
        assertThat(conversion.get("version").asLong(), equalTo(1L));
    }

    private static void track(Catalogue app, String userId, Map<String, Object> event) {
        given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "sessionId", UUID.randomUUID().toString(), "events", List.of(event)))
                .when().post("/v1/sdk/events")
                .then().statusCode(200);
    }
}
