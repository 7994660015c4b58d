package dev.marquee.delivery.stream;

import static dev.marquee.delivery.Catalogue.campaign;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.contracts.trust.GatewayAssertion;
import dev.marquee.delivery.Catalogue;
import dev.marquee.infra.test.SignAllTestRequests;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Entering a segment: a resync hint and the segment-entered campaign over the stream, once per membership event. */
@QuarkusTest
class SegmentEntryTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/v1/sdk/stream")
    URI stream;

    @Test
    void enteringASegmentSendsItsCampaignOverTheStreamOnce() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.publish(campaign(app.appId, "vip-welcome", new Trigger(Trigger.Type.SEGMENT_ENTERED, null, "vip",
                List.of(), 0), Frequency.DEFAULT));
        List<String> lines = open(app.appId, "ana");
        await().atMost(Duration.ofSeconds(10)).until(() -> lines.contains("event:connected"));

        SegmentMembershipEvent entered = new SegmentMembershipEvent(UUID.randomUUID().toString(),
                MembershipChange.ENTERED, app.appId, "ana", "vip", 1, List.of(), Instant.now());
        app.membership(entered);
        await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream().anyMatch(l -> l.contains("Title of vip")));
        assertThat(lines.contains("event:resync"), equalTo(true));

        // the same change delivered again is not handled again
        app.membership(entered);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        assertThat(redis.sortedSet(String.class).zcard("mq:{" + app.appId + ":ana}:outbox"), equalTo(2L));
    }

    private List<String> open(String appId, String userId) {
        List<String> lines = new CopyOnWriteArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(stream + "?userId=" + userId))
                .header("X-Marquee-App-Id", appId)
                .header(GatewayAssertion.HEADER, SignAllTestRequests.assertion("GET",
                        URI.create(stream + "?userId=" + userId).getRawPath() + "?userId=" + userId, appId, null, null, null))
                .header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.ofLines())
                .thenAccept(response -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(line -> lines.add(line.replace(": ", ":")));
                    }
                });
        return lines;
    }
}
