package dev.marquee.delivery.user;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static dev.marquee.delivery.Catalogue.caps;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
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
import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.delivery.Catalogue;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** segment-service erased a user: what this service kept of them (caps, impressions, outbox) goes too. */
@QuarkusTest
class ErasureTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @Test
    void anErasedUserLeavesNothingHereAndCountsAsNew() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(1000, 1000, 0));
        app.publish(campaign(app.appId, "welcome", SESSION_START, caps(1, null, null, null, 50, false)));
        assertThat(app.shown("ana", "s1"), equalTo("welcome"));
        assertThat(app.shown("ana", "s2"), nullValue());
        assertThat(app.shown("bo", "s1"), equalTo("welcome"));
        // a server-triggered message waiting in the outbox (ana has no stream open)
        given().contentType(ContentType.JSON)
                .body(Map.of("userIds", List.of("ana"), "campaignId", "welcome", "ttlSeconds", 3600))
                .when().post("/v1/apps/" + app.appId + "/messages/send").then().statusCode(202);
        List<String> anasKeys = List.of(key(app, "ana", "delivery"), key(app, "ana", "impressions"),
                key(app, "ana", "impressions:welcome"), key(app, "ana", "outbox"));
        assertThat(redis.key().exists(anasKeys.toArray(String[]::new)), equalTo(4));

        app.membership(new SegmentMembershipEvent(UUID.randomUUID().toString(), MembershipChange.ERASED, app.appId,
                "ana", null, 0, List.of(), Instant.now()));

        await().atMost(Duration.ofSeconds(15))
                .until(() -> redis.key().exists(anasKeys.toArray(String[]::new)) == 0);
        assertThat("the lifetime cap counts from zero again", app.shown("ana", "s3"), equalTo("welcome"));
        assertThat("another user keeps their count", app.shown("bo", "s2"), nullValue());
    }

    private static String key(Catalogue app, String userId, String name) {
        return "mq:{" + app.appId + ":" + userId + "}:" + name;
    }
}
