package dev.marquee.campaign.app.rest;

import static dev.marquee.campaign.CampaignApi.act;
import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static dev.marquee.campaign.CampaignApi.welcomeCampaign;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.campaign.TopicReader;
import dev.marquee.contracts.Topics;
import dev.marquee.contracts.app.AppErasureReport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Deleting an app: 404 everywhere at once, every credential revoked in the events the gateways read, the app's rows
 * erased in the background with progress, audited; a repeated delete changes nothing.
 */
@QuarkusTest
class AppDeletionTest {

    private static final String OPERATOR = "operator";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    DataSource dataSource;

    @Test
    void aDeletedAppIsNotFoundByAnyApiAndItsCampaignsNeither() {
        String appId = createApp("Made by mistake");
        String campaignId = createCampaign(appId, welcomeCampaign());
        String keyId = given().when().get("/v1/apps/{appId}/keys", appId).then().statusCode(200)
                .extract().path("[0].id");

        delete(appId).then().statusCode(204);

        given().when().get("/v1/apps/{appId}", appId).then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("name", "Back")).when().put("/v1/apps/{appId}", appId)
                .then().statusCode(404);
        given().when().get("/v1/apps").then().statusCode(200).body("id", not(hasItem(appId)));
        given().when().get("/v1/apps/{appId}/audit", appId).then().statusCode(404);
        given().when().get("/v1/apps/{appId}/keys", appId).then().statusCode(404);
        given().contentType(ContentType.JSON).body(Map.of("kind", "SDK_KEY", "name", "Late", "scopes", List.of("READ")))
                .when().post("/v1/apps/{appId}/keys", appId).then().statusCode(404);
        given().when().post("/v1/apps/{appId}/keys/{keyId}/rotate", appId, keyId).then().statusCode(404);
        given().when().get("/v1/apps/{appId}/settings", appId).then().statusCode(404);
        given().contentType(ContentType.JSON)
                .body(Map.of("maxMessagesPerSession", 3, "maxMessagesPerDay", 5, "minSecondsBetweenMessages", 60))
                .when().put("/v1/apps/{appId}/settings", appId).then().statusCode(404);
        given().when().get("/v1/apps/{appId}/identity-verification", appId).then().statusCode(404);
        given().when().post("/v1/apps/{appId}/identity-verification/secrets", appId).then().statusCode(404);
        given().when().get("/v1/apps/{appId}/campaigns", appId).then().statusCode(404);
        given().contentType(ContentType.JSON).body(welcomeCampaign())
                .when().post("/v1/apps/{appId}/campaigns", appId).then().statusCode(404);
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, campaignId).then().statusCode(404);
        given().when().get("/v1/apps/{appId}/campaigns/{id}/versions", appId, campaignId).then().statusCode(404);
        act(appId, campaignId, "activate").then().statusCode(404);
    }

    @Test
    void deletingRevokesEveryCredentialAtOnceInTheEventsTheGatewaysRead() throws Exception {
        String appId = createApp("Revoked");
        given().contentType(ContentType.JSON).body(Map.of("kind", "SDK_KEY", "name", "Web", "scopes", List.of("READ")))
                .when().post("/v1/apps/{appId}/keys", appId).then().statusCode(201);
        given().when().post("/v1/apps/{appId}/identity-verification/secrets", appId).then().statusCode(201);

        delete(appId).then().statusCode(204);
        delete(appId).then().statusCode(204); // a retry: nothing more happens

        // created, key issued, identity secret issued; then the deletion's two snapshots, and nothing for the retry
        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.APP_EVENTS, appId, 5);
        assertEquals(5, records.size(), "two snapshots for the deletion, none for the repeated delete");
        JsonNode revoked = json.readTree(records.get(3).value());
        JsonNode deleted = json.readTree(records.get(4).value());
        assertEquals("CREDENTIALS_CHANGED", revoked.get("type").asText(), "what consumers older than DELETED apply");
        assertEquals(0, revoked.get("credentials").size());
        assertEquals(0, revoked.get("identitySecrets").size());
        assertEquals("DELETED", deleted.get("type").asText());
        assertEquals(0, deleted.get("credentials").size());
        assertEquals(0, deleted.get("identitySecrets").size());
        assertEquals(revoked.get("version").asLong() + 1, deleted.get("version").asLong());
        assertEquals(json.readTree(records.get(2).value()).get("version").asLong() + 1, revoked.get("version").asLong(),
                "newer than every snapshot before, so no gateway keeps an older key list");

        given().when().get("/v1/apps/{appId}/audit", appId).then().statusCode(404);
        assertEquals(List.of("deleted:" + OPERATOR, "created:unknown"), appAudit(appId), "audited once");
    }

    @Test
    void theAppsDataIsErasedInTheBackgroundWithProgress() throws Exception {
        String appId = createApp("Erased");
        String live = createCampaign(appId, welcomeCampaign());
        act(appId, live, "activate").then().statusCode(200);
        String draft = createCampaign(appId, welcomeCampaign());
        given().when().post("/v1/apps/{appId}/identity-verification/secrets", appId).then().statusCode(201);
        given().when().get("/v1/apps/{appId}/deletion", appId).then().statusCode(404); // not deleted

        delete(appId).then().statusCode(204);

        given().when().get("/v1/apps/{appId}/deletion", appId)
                .then().statusCode(200)
                .body("appId", equalTo(appId))
                .body("name", equalTo("Erased"))
                .body("deletedBy", equalTo(OPERATOR))
                .body("state", in(List.of("PENDING", "ERASING", "DONE")));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .when().get("/v1/apps/{appId}/deletion", appId)
                .then().statusCode(200)
                .body("state", equalTo("DONE"))
                .body("stores.find { it.store == 'gateway' }.state", equalTo("DONE")));
        given().when().get("/v1/apps/{appId}/deletion", appId)
                .then().statusCode(200)
                .body("stores.find { it.store == 'campaign-service' }.erased.campaigns", equalTo(2))
                .body("stores.find { it.store == 'campaign-service' }.erased.versions", equalTo(3))
                .body("stores.find { it.store == 'campaign-service' }.erased.auditEntries", equalTo(3))
                .body("stores.find { it.store == 'campaign-service' }.erased.credentials", equalTo(2))
                .body("stores.find { it.store == 'campaign-service' }.erased.identitySecrets", equalTo(1))
                .body("stores.find { it.store == 'campaign-service' }.erased.settings", equalTo(1))
                .body("stores.find { it.store == 'segment-service' }.state", equalTo("PENDING"))
                .body("stores.find { it.store == 'delivery-service' }.state", equalTo("PENDING"));

        for (String table : List.of("campaign", "campaign_version", "audit_entry", "app_credential",
                "app_identity_secret", "app_settings")) {
            assertEquals(0, count("select count(*) from " + table + " where app_id = ?", appId), table + " erased");
        }
        assertEquals(1, count("select count(*) from app where id = ? and deleted_at is not null", appId),
                "the app's row stays, marked deleted");

        // each campaign leaves delivery's index: a DELETED snapshot that is not active
        List<ConsumerRecord<String, String>> liveEvents = TopicReader.records(bootstrap, Topics.CAMPAIGN_EVENTS,
                appId + ":" + live, 3);
        JsonNode last = json.readTree(liveEvents.get(liveEvents.size() - 1).value());
        assertEquals("DELETED", last.get("type").asText());
        assertEquals("ARCHIVED", last.at("/campaign/state").asText());
        assertEquals(3, last.at("/campaign/version").asLong(), "the version after the campaign's last change");
        List<ConsumerRecord<String, String>> draftEvents = TopicReader.records(bootstrap, Topics.CAMPAIGN_EVENTS,
                appId + ":" + draft, 2);
        assertEquals("DELETED", json.readTree(draftEvents.get(1).value()).get("type").asText());
    }

    @Test
    void segmentServicesReportOfItsErasureIsShownTheNewestWinning() throws Exception {
        String appId = createApp("Reported");
        delete(appId).then().statusCode(204);
        Instant now = Instant.now();
        publishReport(segmentServiceReport(appId)
                .done(Map.of("segments", 2L, "staticMembers", 5L, "redisKeys", 12L), now).occurredAt(now).build());
        // an older report arriving late (a redelivery, a replay) does not undo it
        publishReport(segmentServiceReport(appId).occurredAt(now.minusSeconds(5)).build());
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given()
                .when().get("/v1/apps/{appId}/deletion", appId)
                .then().statusCode(200)
                .body("stores.find { it.store == 'segment-service' }.state", equalTo("DONE"))
                .body("stores.find { it.store == 'segment-service' }.erased.segments", equalTo(2))
                .body("stores.find { it.store == 'segment-service' }.erased.staticMembers", equalTo(5))
                .body("stores.find { it.store == 'segment-service' }.erased.redisKeys", equalTo(12)));
        // the late PENDING was read after the DONE (one partition per key): give it time to be applied, wrongly
        await().pollDelay(Duration.ofSeconds(1)).until(() -> true);
        given().when().get("/v1/apps/{appId}/deletion", appId)
                .then().body("stores.find { it.store == 'segment-service' }.state", equalTo("DONE"));
    }

    /** segment-service's report of its erasure of the app: {@code PENDING}, nothing erased, until {@code done}. */
    private static ReportBuilder segmentServiceReport(String appId) {
        return new ReportBuilder(appId, "segment-service");
    }

    private static final class ReportBuilder {

        private final String appId;
        private final String service;
        private AppErasureReport.State state = AppErasureReport.State.PENDING;
        private Map<String, Long> erased = Map.of();
        private Instant finishedAt;
        private Instant occurredAt = Instant.now();

        ReportBuilder(String appId, String service) {
            this.appId = appId;
            this.service = service;
        }

        ReportBuilder done(Map<String, Long> erased, Instant finishedAt) {
            this.state = AppErasureReport.State.DONE;
            this.erased = erased;
            this.finishedAt = finishedAt;
            return this;
        }

        ReportBuilder occurredAt(Instant occurredAt) {
            this.occurredAt = occurredAt;
            return this;
        }

        AppErasureReport build() {
            return new AppErasureReport(appId, service, state, erased, finishedAt, occurredAt);
        }
    }

    private void publishReport(AppErasureReport report) throws Exception {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            companion.produceStrings()
                    .fromRecords(new ProducerRecord<>(Topics.APP_ERASURES, report.key(), json.writeValueAsString(report)))
                    .awaitCompletion(Duration.ofSeconds(15));
        }
    }

    @Test
    void deletingAnUnknownAppIsNotFound() {
        delete("00000000-0000-0000-0000-000000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().when().get("/v1/apps/{appId}/deletion", "00000000-0000-0000-0000-000000000000")
                .then().statusCode(404);
    }

    private static io.restassured.response.Response delete(String appId) {
        return given().header("X-Marquee-Principal", OPERATOR).when().delete("/v1/apps/{appId}", appId);
    }

    private List<String> appAudit(String appId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select action, principal from app_audit_entry where app_id = ? order by id desc")) {
            query.setString(1, appId);
            try (ResultSet rs = query.executeQuery()) {
                List<String> entries = new java.util.ArrayList<>();
                while (rs.next()) {
                    entries.add(rs.getString(1) + ":" + rs.getString(2));
                }
                return entries;
            }
        }
    }

    private long count(String sql, String appId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, appId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
