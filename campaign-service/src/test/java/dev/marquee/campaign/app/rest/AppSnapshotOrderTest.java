package dev.marquee.campaign.app.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.TopicReader;
import dev.marquee.contracts.Topics;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Concurrent key and settings changes of one app: each committed change publishes one snapshot, their versions grow
 * in the order they reach the topic, and the last one holds exactly the keys {@code GET …/keys} lists.
 */
@QuarkusTest
class AppSnapshotOrderTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void concurrentKeyAndSettingsChangesPublishSnapshotsInVersionOrder() throws Exception {
        String appId = createApp("Busy keys");
        List<String> firstKeys = given().when().get("/v1/apps/{appId}/keys", appId)
                .then().statusCode(200).extract().path("id");
        List<Supplier<Integer>> changes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String name = "Key " + i;
            changes.add(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("kind", "SDK_KEY", "name", name, "scopes", List.of("READ")))
                    .when().post("/v1/apps/{appId}/keys", appId).then().extract().statusCode());
        }
        for (String keyId : firstKeys) {
            changes.add(() -> given().when().delete("/v1/apps/{appId}/keys/{keyId}", appId, keyId)
                    .then().extract().statusCode());
        }
        for (int i = 1; i <= 2; i++) {
            int perSession = i;
            changes.add(() -> given().contentType(ContentType.JSON)
                    .body(Map.of("maxMessagesPerSession", perSession, "maxMessagesPerDay", 5,
                            "minSecondsBetweenMessages", 60))
                    .when().put("/v1/apps/{appId}/settings", appId).then().extract().statusCode());
        }
        List<Integer> statuses = concurrently(changes);
        assertTrue(statuses.stream().allMatch(s -> s >= 200 && s < 300), "statuses: " + statuses);

        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.APP_EVENTS, appId,
                1 + changes.size());
        assertEquals(1 + changes.size(), records.size(), "one snapshot per committed change");
        long previous = 0;
        for (ConsumerRecord<String, String> record : records) {
            long version = json.readTree(record.value()).path("version").asLong();
            assertTrue(version > previous, "versions in topic order: " + records.stream()
                    .map(r -> r.value().replaceAll(".*\"version\":(\\d+).*", "$1")).toList());
            previous = version;
        }

        JsonNode last = json.readTree(records.get(records.size() - 1).value());
        Set<String> published = new TreeSet<>();
        last.get("credentials").forEach(c -> published.add(c.get("id").asText()));
        List<String> listed = given().when().get("/v1/apps/{appId}/keys", appId)
                .then().statusCode(200).extract().path("id");
        assertEquals(new TreeSet<>(listed), published, "the last snapshot is what GET …/keys shows");
        int perSession = given().when().get("/v1/apps/{appId}/settings", appId)
                .then().statusCode(200).extract().path("maxMessagesPerSession");
        assertEquals(perSession, last.at("/settings/maxMessagesPerSession").asInt(),
                "the last snapshot has the settings GET …/settings shows");
    }

    private static List<Integer> concurrently(List<Supplier<Integer>> calls) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(calls.size());
        try {
            List<CompletableFuture<Integer>> running = calls.stream()
                    .map(call -> CompletableFuture.supplyAsync(call, clients)).toList();
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> call : running) {
                statuses.add(call.get(20, TimeUnit.SECONDS));
            }
            return statuses;
        } finally {
            clients.shutdownNow();
        }
    }
}
