package dev.marquee.delivery.decision;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static dev.marquee.delivery.Catalogue.caps;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.delivery.Catalogue;
import dev.marquee.delivery.decision.service.VariantAssignment;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Arbitration (priority, then the most recent start) and segment targeting against segment-service's keys. */
@QuarkusTest
class ArbitrationTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @Test
    void theHighestPriorityWinsThenTheMostRecentlyStarted() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(1000, 1000, 0));
        app.publish(started(campaign(app.appId, "low", SESSION_START, caps(1, null, null, null, 10, false)), 3),
                started(campaign(app.appId, "high", SESSION_START, caps(1, null, null, null, 90, false)), 1),
                started(campaign(app.appId, "older", SESSION_START, caps(1, null, null, null, 50, false)), 1),
                started(campaign(app.appId, "newer", SESSION_START, caps(1, null, null, null, 50, false)), 2));

        Map<String, String> before = app.explain("ana", "SESSION_START", "s1");
        assertThat(before.get("high"), equalTo("shown"));
        assertThat(before.get("low"), equalTo("arbitration:high"));
        assertThat(app.shown("ana", "s1"), equalTo("high"));
        assertThat(app.shown("ana", "s1"), equalTo("newer"));
        assertThat(app.shown("ana", "s1"), equalTo("older"));
        assertThat(app.shown("ana", "s1"), equalTo("low"));
    }

    @Test
    void anEditDoesNotMakeACampaignTheMostRecentlyStarted() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(1000, 1000, 0));
        Instant day = Instant.parse("2026-03-01T00:00:00Z");
        // "edited" went live first and was edited last; "later" went live after it and was never changed
        app.publish(Catalogue.activated(campaign(app.appId, "edited", SESSION_START, caps(1, null, null, null, 50,
                false)), day, day.plusSeconds(7200)),
                Catalogue.activated(campaign(app.appId, "later", SESSION_START, caps(1, null, null, null, 50, false)),
                        day.plusSeconds(3600), day.plusSeconds(3600)));

        assertThat(app.explain("ana", "SESSION_START", "s1").get("edited"), equalTo("arbitration:later"));
        assertThat(app.shown("ana", "s1"), equalTo("later"));
        assertThat(app.shown("ana", "s1"), equalTo("edited"));
    }

    @Test
    void aFullTieIsBrokenByAStableHashOfCampaignAndUser() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(1000, 1000, 0));
        app.publish(campaign(app.appId, "one", SESSION_START, caps(null, null, null, null, 50, false)),
                campaign(app.appId, "two", SESSION_START, caps(null, null, null, null, 50, false)));

        Set<String> winners = new java.util.HashSet<>();
        for (int i = 0; i < 16; i++) {
            String user = "user-" + i;
            String expected = VariantAssignment.bucket("arbitration:one:" + user) <= VariantAssignment
                    .bucket("arbitration:two:" + user) ? "one" : "two";
            Map<String, String> first = app.explain(user, "SESSION_START", "s1");
            assertThat(user, first.get(expected), equalTo("shown"));
            // the same user gets the same winner every time: no flapping between equal campaigns
            assertThat(user, app.explain(user, "SESSION_START", "s2"), equalTo(first));
            winners.add(expected);
        }
        // and the tie does not always go the same way (an id order would starve one campaign)
        assertThat(winners, equalTo(Set.of("one", "two")));
    }

    @Test
    void segmentTargetingUsesMembershipOnlyOnceTheSegmentIsBuilt() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(1000, 1000, 0));
        app.publish(Catalogue.withTargeting(campaign(app.appId, "vip", SESSION_START, caps(null, null, null, null, 50,
                false)), new Targeting(Set.of("vips"), Set.of("churned"), Set.of(), null, java.util.List.of(), 100)));
        redis.set(String.class).sadd("mq:{" + app.appId + ":ana}:segments", "vips");
        redis.set(String.class).sadd("mq:{" + app.appId + ":cy}:segments", "vips", "churned");

        assertThat(app.explain("ana", "SESSION_START", "s1").get("vip"), equalTo("segment_not_ready"));

        redis.hash(String.class).hset("mq:{" + app.appId + "}:segments-ready", Map.of("vips", "1", "churned", "1"));
        // the ready set is refreshed in the background within a second
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5))
                .until(() -> "shown".equals(app.explain("ana", "SESSION_START", "s1").get("vip")));
        assertThat(app.shown("ana", "s1"), equalTo("vip"));
        assertThat(app.explain("bo", "SESSION_START", "s1").get("vip"), equalTo("segment"));
        assertThat(app.explain("cy", "SESSION_START", "s1").get("vip"), equalTo("excluded_segment"));
    }

    private static dev.marquee.contracts.campaign.CampaignSnapshot started(
            dev.marquee.contracts.campaign.CampaignSnapshot c, int day) {
        return Catalogue.withSchedule(c, new Schedule(Instant.parse("2026-01-0" + day + "T00:00:00Z"), null, null,
                Schedule.DeliveryMode.ALWAYS_ON));
    }
}
