package dev.marquee.results;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.contracts.delivery.DeliveryOutcome;
import dev.marquee.contracts.delivery.OutcomeType;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * One campaign of a fresh app, its definition on {@code campaign.events.v1} and its outcomes on
 * {@code delivery.outcomes.v1}, as campaign- and delivery-service publish them, and its report.
 */
public final class ResultsFixture {

    public static final Instant AT = Instant.parse("2026-05-01T10:15:00Z");

    public final String appId = "app-" + UUID.randomUUID().toString().substring(0, 8);
    public final String campaignId = "c-" + UUID.randomUUID().toString().substring(0, 8);
    private final ObjectMapper json;
    private long version;
    private int sentinels;

    public ResultsFixture(ObjectMapper json) {
        this.json = json;
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** Publishes the campaign with these variants (id:weight) and control share; waits until results knows it. */
    public ResultsFixture campaign(int controlPercent, String... variants) {
        publishCampaign(CampaignEventType.PUBLISHED, controlPercent, variants);
        await().atMost(Duration.ofSeconds(15)).until(() -> report(AT.minus(Duration.ofDays(1)), AT.plus(
                Duration.ofDays(1))).statusCode() == 200);
        return this;
    }

    public void publishCampaign(CampaignEventType type, int controlPercent, String... variants) {
        List<Variant> arms = new ArrayList<>();
        for (String variant : variants) {
            String[] idAndWeight = variant.split(":");
            arms.add(new Variant(idAndWeight[0], "Variant " + idAndWeight[0], Integer.parseInt(idAndWeight[1]), null));
        }
        version++;
        CampaignSnapshot snapshot = new CampaignSnapshot(campaignId, appId, "Spring sale", CampaignState.ACTIVE,
                version, List.of(), Targeting.EVERYONE, arms, controlPercent, Schedule.DEFAULT, Frequency.DEFAULT,
                new Goals(List.of(new Goals.GoalEvent("purchase", List.of())), 3), AT, AT);
        CampaignEvent event = new CampaignEvent(UUID.randomUUID().toString(), type, appId, campaignId, AT, snapshot);
        send(Topics.CAMPAIGN_EVENTS, event.key(), write(event));
    }

    public DeliveryOutcome impression(String eventId, String userId, String variant) {
        return outcome(eventId, OutcomeType.IMPRESSION, userId, variant, null, null);
    }

    public DeliveryOutcome click(String eventId, String userId, String variant, String button) {
        return outcome(eventId, OutcomeType.CLICK, userId, variant, button, null);
    }

    public DeliveryOutcome dismiss(String eventId, String userId, String variant) {
        return outcome(eventId, OutcomeType.DISMISS, userId, variant, null, null);
    }

    public DeliveryOutcome conversion(String eventId, String userId, String variant, String revenue) {
        return outcome(eventId, OutcomeType.CONVERSION, userId, variant, null,
                revenue == null ? null : new BigDecimal(revenue));
    }

    /** The user is held out: no variant. */
    public DeliveryOutcome controlExposure(String eventId, String userId) {
        return outcome(eventId, OutcomeType.CONTROL_EXPOSURE, userId, null, null, null);
    }

    private DeliveryOutcome outcome(String eventId, OutcomeType type, String userId, String variant, String button,
            BigDecimal revenue) {
        return new DeliveryOutcome(appId + "-" + eventId, type, appId, userId, campaignId, 1, variant, AT, button,
                Map.of(), type == OutcomeType.CONVERSION ? "purchase" : null, "web", "en-GB", "1.0.0", revenue);
    }

    /** The same outcome at another time, from another platform, locale and app version. */
    public static DeliveryOutcome from(DeliveryOutcome o, Instant at, String platform, String locale,
            String appVersion) {
        return new DeliveryOutcome(o.eventId(), o.type(), o.appId(), o.userId(), o.campaignId(), o.version(),
                o.variantId(), at, o.buttonId(), o.answers(), o.goalEvent(), platform, locale, appVersion, o.revenue());
    }

    /** Publishes the outcomes in order, in one go (so that they tend to reach the consumer in one batch). */
    public void publish(DeliveryOutcome... outcomes) {
        List<ProducerRecord<String, String>> records = new ArrayList<>();
        for (DeliveryOutcome outcome : outcomes) {
            records.add(new ProducerRecord<>(Topics.DELIVERY_OUTCOMES, outcome.key(), write(outcome)));
        }
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap())) {
            kafka.produceStrings().fromRecords(records).awaitCompletion(Duration.ofSeconds(10));
        }
    }

    /** A record of this campaign's key with any value, as a broken producer might write. */
    public void publishRaw(String value) {
        send(Topics.DELIVERY_OUTCOMES, appId + ":" + campaignId, value);
    }

    /**
     * Waits until everything published so far is ingested: a survey answer published last, on the same key (so the
     * same partition, in order), shows in variant A's count.
     */
    public void settle() {
        sentinels++;
        publish(new DeliveryOutcome(appId + "-sentinel-" + sentinels, OutcomeType.SURVEY_ANSWER, appId, "sentinel",
                campaignId, 1, "A", AT, null, Map.of("q1", 5), null));
        int expected = sentinels;
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonPath report = report();
            return report.getInt("arms.find { it.id == 'A' }.surveyAnswers") >= expected;
        });
    }

    /** The report of the day of {@link #AT}. */
    public JsonPath report() {
        return report(AT.minus(Duration.ofHours(10)), AT.plus(Duration.ofHours(10))).then().statusCode(200).extract()
                .jsonPath();
    }

    public io.restassured.response.Response report(Instant from, Instant to) {
        return given().queryParam("from", from.toString()).queryParam("to", to.toString())
                .when().get("/v1/apps/{appId}/campaigns/{campaignId}/results", appId, campaignId);
    }

    private void send(String topic, String key, String value) {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap())) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(topic, key, value))
                    .awaitCompletion(Duration.ofSeconds(10));
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
