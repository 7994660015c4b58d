package dev.marquee.campaign;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.segment.SegmentDefinitionEvent;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Builders for the requests tests send: an app, and a valid campaign body to vary. */
public final class CampaignApi {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private CampaignApi() {
    }

    /** Announces segments of the app on segment.definitions.v1, as segment-service does when they are created. */
    public static void announceSegments(String appId, String... segmentIds) {
        announce(appId, false, segmentIds);
    }

    /** Announces that segments of the app were deleted. */
    public static void announceDeleted(String appId, String... segmentIds) {
        announce(appId, true, segmentIds);
    }

    private static void announce(String appId, boolean deleted, String... segmentIds) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            for (String segmentId : segmentIds) {
                SegmentDefinitionEvent event = new SegmentDefinitionEvent(appId, segmentId, 1, deleted, Instant.now());
                kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.SEGMENT_DEFINITIONS, event.key(),
                        JSON.writeValueAsString(event))).awaitCompletion(Duration.ofSeconds(10));
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String createApp(String name) {
        return given().contentType(ContentType.JSON).body(Map.of("name", name))
                .when().post("/v1/apps")
                .then().statusCode(201)
                .extract().path("id");
    }

    public static Map<String, Object> welcomeCampaign() {
        return Map.of(
                "name", "Welcome",
                "triggers", List.of(Map.of("type", "SESSION_START")),
                "message", Map.of(
                        "format", "MODAL",
                        "title", "Hello",
                        "body", "Welcome aboard",
                        "buttons", List.of(Map.of("id", "ok", "label", "OK", "action", "DISMISS"))));
    }

    /** A lifecycle action ({@code activate}, {@code pause}, …); the caller asserts on the response. */
    public static Response act(String appId, String campaignId, String action) {
        return given().when().post("/v1/apps/{appId}/campaigns/{id}/actions/{action}", appId, campaignId, action);
    }

    public static String createCampaign(String appId, Object body) {
        return given().contentType(ContentType.JSON).body(body)
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(201)
                .extract().path("id");
    }
}
