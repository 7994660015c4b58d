package dev.marquee.delivery.decision;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static dev.marquee.delivery.Catalogue.caps;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.delivery.Catalogue;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Per-campaign caps, on real Redis: each is exact and each shows as the first reason in the explanation. */
@QuarkusTest
class FrequencyCapsTest {

    private static final WorkspaceSettings UNLIMITED = new WorkspaceSettings(1000, 1000, 0);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @Test
    void aLifetimeCapHoldsAcrossSessions() throws Exception {
        Catalogue app = app();
        app.publish(campaign(app.appId, "twice", SESSION_START, caps(2, null, null, null, 50, false)));

        assertThat(app.shown("ana", "s1"), equalTo("twice"));
        assertThat(app.shown("ana", "s2"), equalTo("twice"));
        assertThat(app.shown("ana", "s3"), nullValue());
        assertThat(app.explain("ana", "SESSION_START", "s4").get("twice"), equalTo("cap:lifetime"));
        assertThat("another user is not capped", app.shown("bo", "s1"), equalTo("twice"));
    }

    @Test
    void aSessionCapResetsWithANewSession() throws Exception {
        Catalogue app = app();
        app.publish(campaign(app.appId, "once-a-session", SESSION_START, caps(null, 1, null, null, 50, false)));

        assertThat(app.shown("ana", "s1"), equalTo("once-a-session"));
        assertThat(app.shown("ana", "s1"), nullValue());
        assertThat(app.explain("ana", "SESSION_START", "s1").get("once-a-session"), equalTo("cap:session"));
        assertThat(app.shown("ana", "s2"), equalTo("once-a-session"));
    }

    @Test
    void aRollingCapCountsOnlyImpressionsInsideItsWindow() throws Exception {
        Catalogue app = app();
        app.publish(campaign(app.appId, "hourly", SESSION_START,
                caps(null, null, new Frequency.RollingCap(1, 1), null, 50, false)));

        // an impression from two hours ago (recorded as the decision would: counted too) is outside the window
        long old = Instant.now().minus(Duration.ofHours(2)).toEpochMilli();
        redis.sortedSet(String.class).zadd(impressions(app, "ana"), old, "hourly|" + old + "|1|1|A");
        redis.sortedSet(String.class).zadd(impressions(app, "ana") + ":hourly", old, "hourly|" + old + "|1|1|A");
        redis.hash(String.class).hset(state(app, "ana"), Map.of("seq", "1", "life:hourly", "1"));
        assertThat(app.shown("ana", "s1"), equalTo("hourly"));
        assertThat(app.shown("ana", "s2"), nullValue());
        assertThat(app.explain("ana", "SESSION_START", null).get("hourly"), equalTo("cap:rolling"));
    }

    @Test
    void impressionsOlderThanTheRetentionAreDroppedEverySixteenthImpression() throws Exception {
        Catalogue app = app();
        app.publish(campaign(app.appId, "news", SESSION_START, caps(null, null, null, null, 50, false)));
        long expired = Instant.now().minus(Duration.ofDays(400)).toEpochMilli();
        String member = "news|" + expired + "|14|1|A";
        redis.sortedSet(String.class).zadd(impressions(app, "ana"), expired, member);
        redis.sortedSet(String.class).zadd(impressions(app, "ana") + ":news", expired, member);
        redis.hash(String.class).hset(state(app, "ana"), Map.of("seq", "14", "life:news", "14"));

        assertThat(app.shown("ana", "s1"), equalTo("news"));
        assertThat("the 15th impression trims nothing",
                redis.sortedSet(String.class).zscore(impressions(app, "ana"), member).isPresent(), equalTo(true));
        assertThat(app.shown("ana", "s2"), equalTo("news"));
        assertThat(redis.sortedSet(String.class).zrange(impressions(app, "ana"), 0, -1), hasSize(2));
        assertThat(redis.sortedSet(String.class).zrange(impressions(app, "ana") + ":news", 0, -1), hasSize(2));
        assertThat(redis.sortedSet(String.class).zscore(impressions(app, "ana"), member).isPresent(), equalTo(false));
    }

    @Test
    void everyKeyAnImpressionWritesExpiresAfterTheLongestWindowThatReadsIt() throws Exception {
        Catalogue app = app();
        app.publish(campaign(app.appId, "news", SESSION_START, caps(null, null, null, null, 50, false)));

        assertThat(app.shown("ana", "s1"), equalTo("news"));
        String prefix = "mq:{" + app.appId + ":ana}:";
        assertThat(days(prefix + "impressions"), equalTo(366L));
        assertThat(days(prefix + "impressions:news"), equalTo(366L));
        assertThat("lifetime counts and last-shown times outlive the longest re-eligibility (720 days)",
                days(prefix + "delivery"), equalTo(731L));
        assertThat(redis.key().ttl(prefix + "session:s1"),
                allOf(greaterThan(Duration.ofHours(24).minusMinutes(1).toSeconds()),
                        lessThanOrEqualTo(Duration.ofHours(24).toSeconds())));
    }

    /** Days left before the key expires, rounded up (a key without an expiry answers a negative number). */
    private long days(String key) {
        long day = Duration.ofDays(1).toMillis();
        return (redis.key().pttl(key) + day - 1) / day;
    }

    @Test
    void reEligibilityWaitsTheGivenDaysAfterTheLastImpression() throws Exception {
        Catalogue app = app();
        app.publish(campaign(app.appId, "weekly", SESSION_START, caps(null, null, null, 7, 50, false)));

        assertThat(app.shown("ana", "s1"), equalTo("weekly"));
        assertThat(app.shown("ana", "s2"), nullValue());
        assertThat(app.explain("ana", "SESSION_START", null).get("weekly"), equalTo("cap:re_eligibility"));

        // eight days later (the last impression moved back in time)
        redis.hash(String.class).hset(state(app, "ana"), "last:weekly",
                Long.toString(Instant.now().minus(Duration.ofDays(8)).toEpochMilli()));
        assertThat(app.shown("ana", "s3"), equalTo("weekly"));
    }

    @Test
    void aOneTimeCampaignShowsOncePerUser() throws Exception {
        Catalogue app = app();
        app.publish(Catalogue.withSchedule(campaign(app.appId, "tour", SESSION_START, Frequency.DEFAULT),
                new dev.marquee.contracts.campaign.Schedule(null, null, null,
                        dev.marquee.contracts.campaign.Schedule.DeliveryMode.ONE_TIME)));

        assertThat(app.shown("ana", "s1"), equalTo("tour"));
        assertThat(app.shown("ana", "s2"), nullValue());
    }

    private Catalogue app() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(UNLIMITED);
        return app;
    }

    private static String state(Catalogue app, String userId) {
        return "mq:{" + app.appId + ":" + userId + "}:delivery";
    }

    private static String impressions(Catalogue app, String userId) {
        return "mq:{" + app.appId + ":" + userId + "}:impressions";
    }
}
