package dev.marquee.delivery.decision;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static dev.marquee.delivery.Catalogue.caps;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.delivery.Catalogue;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Workspace-wide caps from app.events.v1 (per session, per day, minimum interval); critical campaigns bypass them. */
@QuarkusTest
class WorkspaceCapsTest {

    private static final Trigger SCREEN = new Trigger(Trigger.Type.SCREEN_VIEW, "home", null, List.of(), 0);

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Test
    void perSessionCapCountsEveryCampaignAndCriticalBypassesIt() throws Exception {
        Catalogue app = app(new WorkspaceSettings(1, 100, 0));
        app.publish(campaign(app.appId, "welcome", SESSION_START, caps(null, null, null, null, 50, false)),
                campaign(app.appId, "promo", SCREEN, caps(null, null, null, null, 50, false)),
                campaign(app.appId, "outage", new Trigger(Trigger.Type.CUSTOM_EVENT, "sync_failed", null, List.of(), 0),
                        caps(null, null, null, null, 50, true)));

        assertThat(app.shown("ana", "s1"), equalTo("welcome"));
        assertThat(app.shown("ana", "s1", screen()), nullValue());
        assertThat(app.explain("ana", "SCREEN_VIEW:home", "s1").get("promo"), equalTo("workspace:session"));
        assertThat(app.shown("ana", "s1", event("sync_failed")), equalTo("outage"));
        assertThat("a new session starts a new count", app.shown("ana", "s2", screen()), equalTo("promo"));
    }

    @Test
    void perDayCapHoldsAcrossSessions() throws Exception {
        Catalogue app = app(new WorkspaceSettings(100, 1, 0));
        app.publish(campaign(app.appId, "welcome", SESSION_START, caps(null, null, null, null, 50, false)));

        assertThat(app.shown("ana", "s1"), equalTo("welcome"));
        assertThat(app.shown("ana", "s2"), nullValue());
        assertThat(app.explain("ana", "SESSION_START", "s3").get("welcome"), equalTo("workspace:day"));
    }

    @Test
    void perDayCapCountsOnlyTheLast24Hours() throws Exception {
        Catalogue app = app(new WorkspaceSettings(100, 1, 0));
        app.publish(campaign(app.appId, "welcome", SESSION_START, caps(null, null, null, null, 50, false)));
        // yesterday's impression, recorded as the decision would (its sequence number counts it)
        long yesterday = Instant.now().minus(Duration.ofHours(25)).toEpochMilli();
        redis.sortedSet(String.class).zadd("mq:{" + app.appId + ":ana}:impressions", yesterday,
                "welcome|" + yesterday + "|1|1|A");
        redis.hash(String.class).hset("mq:{" + app.appId + ":ana}:delivery", Map.of("seq", "1", "life:welcome", "1"));

        assertThat(app.shown("ana", "s1"), equalTo("welcome"));
        assertThat(app.shown("ana", "s2"), nullValue());
    }

    @Test
    void minimumIntervalSpacesMessagesAndCriticalBypassesIt() throws Exception {
        Catalogue app = app(new WorkspaceSettings(100, 100, 3600));
        app.publish(campaign(app.appId, "welcome", SESSION_START, caps(null, null, null, null, 50, false)),
                campaign(app.appId, "outage", new Trigger(Trigger.Type.CUSTOM_EVENT, "sync_failed", null, List.of(), 0),
                        caps(null, null, null, null, 50, true)));

        assertThat(app.shown("ana", "s1"), equalTo("welcome"));
        assertThat(app.shown("ana", "s2"), nullValue());
        assertThat(app.explain("ana", "SESSION_START", "s3").get("welcome"), equalTo("workspace:interval"));
        assertThat(app.shown("ana", "s2", event("sync_failed")), equalTo("outage"));
    }

    private Catalogue app(WorkspaceSettings settings) throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(settings);
        return app;
    }

    private static Map<String, Object> screen() {
        return Map.of("eventId", UUID.randomUUID().toString(), "type", "screen_view", "name", "home");
    }

    private static Map<String, Object> event(String name) {
        return Map.of("eventId", UUID.randomUUID().toString(), "type", "track", "name", name);
    }
}
