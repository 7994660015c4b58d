package dev.marquee.segment.segment.rest;

import static dev.marquee.segment.SegmentApi.createStaticSegment;
import static dev.marquee.segment.SegmentApi.newApp;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.segment.TopicReader;
import dev.marquee.segment.segment.service.SegmentUpkeep;
import io.quarkus.test.junit.QuarkusTest;

/** Which segments exist is announced on segment.definitions.v1 (what campaign-service checks campaigns against). */
@QuarkusTest
class SegmentAnnouncementTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    SegmentUpkeep upkeep;

    @Test
    void aCreatedSegmentIsAnnouncedAgainPeriodicallyAndItsDeletionToo() throws Exception {
        String appId = newApp();
        String segmentId = createStaticSegment(appId, "Beta testers");
        String key = appId + ":" + segmentId;
        List<ConsumerRecord<String, String>> created = TopicReader.records(bootstrap, Topics.SEGMENT_DEFINITIONS, key,
                1);
        JsonNode announced = json.readTree(created.get(0).value());
        assertEquals(segmentId, announced.get("segmentId").asText());
        assertEquals(false, announced.get("deleted").asBoolean());

        // a publication lost after the commit is made good by the periodic republish
        upkeep.republishDefinitions().await().indefinitely();
        assertEquals(2, TopicReader.records(bootstrap, Topics.SEGMENT_DEFINITIONS, key, 2).size());

        given().when().delete("/v1/apps/{appId}/segments/{id}", appId, segmentId).then().statusCode(204);
        List<ConsumerRecord<String, String>> all = TopicReader.records(bootstrap, Topics.SEGMENT_DEFINITIONS, key, 3);
        assertEquals(true, json.readTree(all.get(all.size() - 1).value()).get("deleted").asBoolean());
    }
}
