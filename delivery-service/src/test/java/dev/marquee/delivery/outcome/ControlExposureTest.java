package dev.marquee.delivery.outcome;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import java.time.Instant;
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
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.delivery.Catalogue;
import dev.marquee.delivery.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The control group's exposures: recorded wherever a decision is made, with ids derived from what caused them. */
@QuarkusTest
class ControlExposureTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void aRetriedBatchRecordsTheSameExposure() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        // no workspace caps, so the retry is decided like the first attempt
        app.settings(new WorkspaceSettings(1000, 1000, 0));
        app.publish(allControl(campaign(app.appId, "welcome", SESSION_START, Frequency.DEFAULT)));
        Map<String, Object> batch = Catalogue.batch("ana", "s-1", Catalogue.sessionStart());

        track(app.appId, batch);
        track(app.appId, batch);

        List<JsonNode> exposures = exposures(app.appId, "welcome", 2);
        assertThat(exposures, hasSize(2));
        assertThat(exposures.get(0).get("type").asText(), equalTo("CONTROL_EXPOSURE"));
        assertThat(exposures.get(0).get("userId").asText(), equalTo("ana"));
        assertThat(exposures.get(1).get("eventId").asText(), equalTo(exposures.get(0).get("eventId").asText()));

        // another batch is another exposure
        track(app.appId, Catalogue.batch("ana", "s-2", Catalogue.sessionStart()));
        List<JsonNode> three = exposures(app.appId, "welcome", 3);
        assertThat(three.get(2).get("eventId").asText(), not(equalTo(three.get(0).get("eventId").asText())));
    }

    @Test
    void aSegmentEntryAndASendRecordTheControlGroupsExposure() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(allControl(campaign(app.appId, "vip", new Trigger(Trigger.Type.SEGMENT_ENTERED, null, "vip",
                List.of(), 0), Frequency.DEFAULT)));

        SegmentMembershipEvent entered = new SegmentMembershipEvent(UUID.randomUUID().toString(),
                MembershipChange.ENTERED, app.appId, "ana", "vip", 1, List.of(), Instant.now());
        app.membership(entered);
        List<JsonNode> afterEntry = exposures(app.appId, "vip", 1);
        assertThat(afterEntry, hasSize(1));
        assertThat(afterEntry.get(0).get("type").asText(), equalTo("CONTROL_EXPOSURE"));

        given().contentType(ContentType.JSON).body(Map.of("userIds", List.of("bo"), "campaignId", "vip"))
                .when().post("/v1/apps/" + app.appId + "/messages/send")
                .then().statusCode(202).body("results[0].status", equalTo("control_group"));
        List<JsonNode> afterSend = exposures(app.appId, "vip", 2);
        assertThat(afterSend, hasSize(2));
        assertThat(afterSend.get(1).get("userId").asText(), equalTo("bo"));
        assertThat(afterSend.get(1).get("type").asText(), equalTo("CONTROL_EXPOSURE"));
    }

    private static CampaignSnapshot allControl(CampaignSnapshot c) {
        return Catalogue.withVariants(c, c.variants(), 100);
    }

    private static void track(String appId, Map<String, Object> batch) {
        given().header("X-Marquee-App-Id", appId).contentType(ContentType.JSON).body(batch)
                .when().post("/v1/sdk/events")
                .then().statusCode(200);
    }

    private List<JsonNode> exposures(String appId, String campaignId, int count) throws Exception {
        List<ConsumerRecord<String, String>> records = TopicReader.records(bootstrap, Topics.DELIVERY_OUTCOMES,
                appId + ":" + campaignId, count);
        List<JsonNode> nodes = new java.util.ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            nodes.add(json.readTree(r.value()));
        }
        return nodes;
    }
}
