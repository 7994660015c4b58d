package dev.marquee.segment.segment.rest;

import static dev.marquee.segment.SegmentApi.attributes;
import static dev.marquee.segment.SegmentApi.createSegment;
import static dev.marquee.segment.SegmentApi.createStaticSegment;
import static dev.marquee.segment.SegmentApi.ingest;
import static dev.marquee.segment.SegmentApi.newApp;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.segment.RedisProbe;
import dev.marquee.segment.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SegmentDeletionTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    RedisProbe redis;

    @Inject
    ObjectMapper json;

    @Test
    void deletingARuleSegmentMakesEveryMemberExit() throws Exception {
        String appId = newApp();
        String gold = createSegment(appId, "Gold", Map.of("attribute", "tier", "op", "eq", "value", "gold"));
        String other = createSegment(appId, "French", Map.of("attribute", "country", "op", "eq", "value", "FR"));
        ingest(appId, attributes("ann", Map.of("tier", "gold", "country", "FR")),
                attributes("bob", Map.of("tier", "gold")), attributes("cat", Map.of("tier", "silver")));
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "ann").size() == 2
                && redis.segmentsOf(appId, "bob").size() == 1);

        given().when().delete("/v1/apps/{appId}/segments/{id}", appId, gold).then().statusCode(204);

        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "ann").equals(Set.of(other))
                && redis.segmentsOf(appId, "bob").isEmpty());
        assertNull(redis.readyVersion(appId, gold), "a deleted segment has no build marker");
        given().when().get("/v1/apps/{appId}/segments/{id}/size", appId, gold).then().statusCode(404);
        for (String user : List.of("ann", "bob")) {
            List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.SEGMENT_MEMBERSHIP,
                    appId + ":" + user, user.equals("ann") ? 3 : 2);
            List<JsonNode> ofGold = records.stream().map(r -> read(r.value()))
                    .filter(e -> gold.equals(e.get("segmentId").asText())).toList();
            assertEquals(List.of("ENTERED", "EXITED"), ofGold.stream().map(e -> e.get("change").asText()).toList(),
                    user + " entered once and exited once");
        }
        assertEquals(0, TopicReader.records(bootstrap, Topics.SEGMENT_MEMBERSHIP, appId + ":cat", 0).size(),
                "a non-member does not exit");
    }

    @Test
    void deletingAStaticSegmentMakesItsUploadedMembersExit() {
        String appId = newApp();
        String segmentId = createStaticSegment(appId, "Beta");
        given().contentType("text/csv").body("dan\neve\n")
                .when().post("/v1/apps/{appId}/segments/{id}/members", appId, segmentId)
                .then().statusCode(200);
        given().when().delete("/v1/apps/{appId}/segments/{id}", appId, segmentId).then().statusCode(204);
        await().atMost(Duration.ofSeconds(15)).until(() -> redis.segmentsOf(appId, "dan").isEmpty()
                && redis.segmentsOf(appId, "eve").isEmpty());
        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.SEGMENT_MEMBERSHIP,
                appId + ":eve", 2);
        assertEquals(List.of("ENTERED", "EXITED"), records.stream().map(r -> read(r.value()).get("change").asText())
                .toList());
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
