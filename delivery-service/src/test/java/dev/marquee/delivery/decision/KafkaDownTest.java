package dev.marquee.delivery.decision;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.delivery.Catalogue;
import dev.marquee.infra.test.KafkaResource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * Kafka down: tracking answers 503 with Retry-After, and the impression its decision reserved meanwhile is released, so
 * a lifetime cap of one still shows the message once Kafka is back.
 */
@QuarkusTest
class KafkaDownTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @Test
    void trackingAnswers503WithRetryAfterAndKeepsNoReservation() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(100, 100, 0));
        app.publish(campaign(app.appId, "welcome", SESSION_START,
                new Frequency(1, null, null, null, Frequency.DEFAULT_PRIORITY, false)));

        KafkaResource.stopBroker();
        try {
            given().header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                    .body(Catalogue.batch("ana", "s1", Catalogue.sessionStart()))
                    .when().post("/v1/sdk/events")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
            // the SDK keeps its events and retries; nothing of the refused request counts as an impression
            org.hamcrest.MatcherAssert.assertThat(
                    redis.key().exists("mq:{" + app.appId + ":ana}:impressions"), equalTo(false));
            org.hamcrest.MatcherAssert.assertThat(
                    redis.hash(String.class).hget("mq:{" + app.appId + ":ana}:delivery", "life:welcome"), equalTo("0"));
        } finally {
            KafkaResource.restartBroker();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given()
                .header("X-Marquee-App-Id", app.appId).contentType(ContentType.JSON)
                .body(Catalogue.batch("ana", "s1", Catalogue.sessionStart()))
                .when().post("/v1/sdk/events")
                .then().statusCode(200)
                .body("display.campaignId", equalTo("welcome")));
    }
}
