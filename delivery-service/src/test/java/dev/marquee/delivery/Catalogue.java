package dev.marquee.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.AppEventType;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.delivery.app.service.WorkspaceSettingsIndex;
import dev.marquee.delivery.campaign.service.CampaignSnapshots;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * An app's catalogue as campaign-service would publish it, for tests: campaigns and workspace settings go to their
 * topics, and {@link #published} waits until the service serves them.
 */
public final class Catalogue {

    public static final Trigger SESSION_START = new Trigger(Trigger.Type.SESSION_START, null, null, List.of(), 0);

    private final ObjectMapper json;
    private final String bootstrap;
    public final String appId = UUID.randomUUID().toString();

    public Catalogue(ObjectMapper json, String bootstrap) {
        this.json = json;
        this.bootstrap = bootstrap;
    }

    /** A campaign with one variant "A" (weight 100), activated (and last changed) at {@code 2026-01-01}. */
    public static CampaignSnapshot campaign(String appId, String id, Trigger trigger, Frequency frequency) {
        return new CampaignSnapshot(id, appId, "Campaign " + id, CampaignState.ACTIVE, 1, List.of(trigger),
                Targeting.EVERYONE, List.of(new Variant("A", null, 100, CampaignSnapshots.message(id))), 0,
                Schedule.DEFAULT, frequency, null, Instant.parse("2026-01-01T00:00:00Z"),
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    public static CampaignSnapshot withTargeting(CampaignSnapshot c, Targeting targeting) {
        return new CampaignSnapshot(c.id(), c.appId(), c.name(), c.state(), c.version(), c.triggers(), targeting,
                c.variants(), c.controlPercent(), c.schedule(), c.frequency(), c.goals(), c.updatedAt(),
                c.activatedAt());
    }

    public static CampaignSnapshot withSchedule(CampaignSnapshot c, Schedule schedule) {
        return new CampaignSnapshot(c.id(), c.appId(), c.name(), c.state(), c.version(), c.triggers(), c.targeting(),
                c.variants(), c.controlPercent(), schedule, c.frequency(), c.goals(), c.updatedAt(),
                c.activatedAt());
    }

    public static CampaignSnapshot withVariants(CampaignSnapshot c, List<Variant> variants, int controlPercent) {
        return new CampaignSnapshot(c.id(), c.appId(), c.name(), c.state(), c.version(), c.triggers(), c.targeting(),
                variants, controlPercent, c.schedule(), c.frequency(), c.goals(), c.updatedAt(),
                c.activatedAt());
    }

    /**
     * A survey campaign: variant A asks {@code nps} (NPS, required), {@code why} (multiple choice of speed, price,
     * help), {@code plan} (single choice of monthly, yearly) and {@code more} (free text).
     */
    public static CampaignSnapshot survey(String appId, String id) {
        List<Message.Question.Choice> reasons = List.of(new Message.Question.Choice("speed", "Speed"),
                new Message.Question.Choice("price", "Price"), new Message.Question.Choice("help", "Help"));
        Message message = new Message(MessageFormat.SURVEY, "Tell us", null, null, List.of(), null, null, null, null,
                List.of(new Message.Question("nps", Message.Question.Kind.NPS, "Recommend us?", null, true),
                        new Message.Question("why", Message.Question.Kind.MULTIPLE_CHOICE, "Why?", reasons, false),
                        new Message.Question("plan", Message.Question.Kind.SINGLE_CHOICE, "Plan?",
                                List.of(new Message.Question.Choice("monthly", "Monthly"),
                                        new Message.Question.Choice("yearly", "Yearly")),
                                false),
                        new Message.Question("more", Message.Question.Kind.FREE_TEXT, "Anything else?", null, false)),
                null, null, null, null);
        return withVariants(campaign(appId, id, SESSION_START, Frequency.DEFAULT),
                List.of(new Variant("A", null, 100, message)), 0);
    }

    /** The same campaign, gone live at {@code activatedAt} and last edited at {@code updatedAt}. */
    public static CampaignSnapshot activated(CampaignSnapshot c, Instant activatedAt, Instant updatedAt) {
        return new CampaignSnapshot(c.id(), c.appId(), c.name(), c.state(), c.version(), c.triggers(), c.targeting(),
                c.variants(), c.controlPercent(), c.schedule(), c.frequency(), c.goals(), updatedAt, activatedAt);
    }

    public static CampaignSnapshot withGoals(CampaignSnapshot c, Goals goals) {
        return new CampaignSnapshot(c.id(), c.appId(), c.name(), c.state(), c.version(), c.triggers(), c.targeting(),
                c.variants(), c.controlPercent(), c.schedule(), c.frequency(), goals, c.updatedAt(),
                c.activatedAt());
    }

    public static Frequency caps(Integer lifetime, Integer perSession, Frequency.RollingCap rolling, Integer reEligibleDays,
            int priority, boolean critical) {
        return new Frequency(lifetime, perSession, rolling, reEligibleDays, priority, critical);
    }

    public void publish(CampaignSnapshot... campaigns) throws Exception {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            for (CampaignSnapshot campaign : campaigns) {
                CampaignEvent event = new CampaignEvent(UUID.randomUUID().toString(), CampaignEventType.PUBLISHED, appId,
                        campaign.id(), campaign.updatedAt(), campaign);
                kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CAMPAIGN_EVENTS, event.key(),
                        json.writeValueAsString(event))).awaitCompletion(Duration.ofSeconds(10));
            }
        }
        // the explanation lists every active campaign, whoever the user: all of them are in the index then
        await().atMost(Duration.ofSeconds(10)).until(() -> given()
                .get("/v1/apps/" + appId + "/users/probe/explain").jsonPath().getList("campaigns")
                .size() >= campaigns.length);
    }

    /** Publishes the campaign as a draft (created, never activated), as campaign-service does on create. */
    public void draft(CampaignSnapshot c) throws Exception {
        CampaignSnapshot draft = new CampaignSnapshot(c.id(), c.appId(), c.name(), CampaignState.DRAFT, c.version(),
                c.triggers(), c.targeting(), c.variants(), c.controlPercent(), c.schedule(), c.frequency(), c.goals(),
                c.updatedAt(), null);
        CampaignEvent event = new CampaignEvent(UUID.randomUUID().toString(), CampaignEventType.CREATED, appId, c.id(),
                draft.updatedAt(), draft);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CAMPAIGN_EVENTS, event.key(),
                    json.writeValueAsString(event))).awaitCompletion(Duration.ofSeconds(10));
        }
    }

    /** Publishes the campaign's next version in {@code state} (paused, ended): it leaves the index. */
    public void stop(CampaignSnapshot c, CampaignState state) throws Exception {
        CampaignSnapshot stopped = new CampaignSnapshot(c.id(), c.appId(), c.name(), state, c.version() + 1,
                c.triggers(), c.targeting(), c.variants(), c.controlPercent(), c.schedule(), c.frequency(), c.goals(),
                Instant.now(), c.activatedAt());
        CampaignEvent event = new CampaignEvent(UUID.randomUUID().toString(), CampaignEventType.PAUSED, appId, c.id(),
                stopped.updatedAt(), stopped);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.CAMPAIGN_EVENTS, event.key(),
                    json.writeValueAsString(event))).awaitCompletion(Duration.ofSeconds(10));
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> !given()
                .get("/v1/apps/" + appId + "/users/probe/explain").jsonPath().getList("campaigns.campaignId")
                .contains(c.id()));
    }

    /** Workspace caps (what campaign-service publishes on app.events.v1); applied shortly after. */
    public void settings(WorkspaceSettings settings) throws Exception {
        AppEvent event = new AppEvent(UUID.randomUUID().toString(), AppEventType.CREATED, appId, "App", Instant.now(),
                List.of(), settings);
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.APP_EVENTS, appId,
                    json.writeValueAsString(event))).awaitCompletion(Duration.ofSeconds(10));
        }
        // the test runs inside the application: wait until its consumer has applied the settings
        WorkspaceSettingsIndex index = Arc.container().instance(WorkspaceSettingsIndex.class).get();
        await().atMost(Duration.ofSeconds(15)).until(() -> settings.equals(index.of(appId)));
    }

    /** A segment membership change, as segment-service publishes it on segment.membership.v1. */
    public void membership(SegmentMembershipEvent event) throws Exception {
        try (KafkaCompanion kafka = new KafkaCompanion(bootstrap)) {
            kafka.produceStrings().fromRecords(new ProducerRecord<>(Topics.SEGMENT_MEMBERSHIP, event.key(),
                    json.writeValueAsString(event))).awaitCompletion(Duration.ofSeconds(10));
        }
    }

    /** A batch of SDK events of one user, as the SDK sends them. */
    public static Map<String, Object> batch(String userId, String sessionId, Map<String, Object>... events) {
        return Map.of("userId", userId, "sessionId", sessionId, "events", List.of(events));
    }

    public static Map<String, Object> sessionStart() {
        return Map.of("eventId", UUID.randomUUID().toString(), "type", "session_start");
    }

    /** Sends one session start of {@code userId} in {@code sessionId}; answers the campaign displayed, or null. */
    public String shown(String userId, String sessionId) {
        return shown(userId, sessionId, sessionStart());
    }

    public String shown(String userId, String sessionId, Map<String, Object> event) {
        return given().header("X-Marquee-App-Id", appId).contentType(ContentType.JSON)
                .body(Map.of("userId", userId, "sessionId", sessionId, "events", List.of(event)))
                .when().post("/v1/sdk/events")
                .then().statusCode(200).extract().jsonPath().getString("display.campaignId");
    }

    /** Each campaign's verdict for the user and trigger, by campaign id. */
    public Map<String, String> explain(String userId, String trigger, String sessionId) {
        var request = given().queryParam("trigger", trigger);
        if (sessionId != null) {
            request = request.queryParam("sessionId", sessionId);
        }
        List<Map<String, Object>> verdicts = request.get("/v1/apps/" + appId + "/users/" + userId + "/explain")
                .then().statusCode(200).extract().jsonPath().getList("campaigns");
        Map<String, String> reasons = new java.util.TreeMap<>();
        verdicts.forEach(v -> reasons.put((String) v.get("campaignId"), (String) v.get("reason")));
        return reasons;
    }
}
