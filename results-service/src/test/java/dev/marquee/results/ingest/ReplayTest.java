package dev.marquee.results.ingest;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.Topics;
import dev.marquee.results.ResultsFixture;
import dev.marquee.results.ingest.messaging.DeliveryOutcomeDeserializer;
import dev.marquee.results.ingest.service.OutcomeIngest;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * A replay of {@code delivery.outcomes.v1} from its start, through the same deserializer and ingest as the consumer,
 * rebuilds the same report: on top of what is stored (every outcome is a redelivery then), and into emptied tables.
 */
@QuarkusTest
class ReplayTest {

    private static final List<String> TABLES = List.of("outcome", "arm_user", "arm_button_user", "arm_hour",
            "button_hour");

    @Inject
    ObjectMapper json;

    @Inject
    OutcomeIngest ingest;

    @Inject
    Pool pool;

    @Test
    void aReplayFromTheTopicsStartRebuildsTheSameNumbers() {
        ResultsFixture campaign = new ResultsFixture(json).campaign(20, "A:40", "B:40");
        campaign.publish(campaign.impression("i1", "u1", "A"), campaign.impression("i1b", "u1", "A"),
                campaign.click("k1", "u1", "A", "buy"), campaign.conversion("v1", "u1", "A", "12.50"),
                campaign.impression("i2", "u2", "B"), campaign.dismiss("d2", "u2", "B"),
                campaign.controlExposure("x3", "u3"), campaign.conversion("xv3", "u3", null, "3"),
                campaign.impression("i1", "u1", "A"));
        campaign.settle();
        String before = campaign.report().prettify();

        List<OutcomeIngest.Located> replay = readFromStart(campaign);
        ingest.apply(replay).await().atMost(Duration.ofSeconds(30));
        assertEquals(before, campaign.report().prettify());

        for (String table : TABLES) {
            pool.preparedQuery("delete from results." + table + " where app_id = $1").execute(Tuple.of(campaign.appId))
                    .await().atMost(Duration.ofSeconds(10));
        }
        assertEquals(0, ExactCountsTest.arm(campaign.report(), "A").getInt("usersExposed"));
        ingest.apply(replay).await().atMost(Duration.ofSeconds(30));
        assertEquals(before, campaign.report().prettify());
    }

    private List<OutcomeIngest.Located> readFromStart(ResultsFixture campaign) {
        String key = campaign.appId + ":" + campaign.campaignId;
        try (KafkaCompanion kafka = new KafkaCompanion(ResultsFixture.bootstrap());
                DeliveryOutcomeDeserializer deserializer = new DeliveryOutcomeDeserializer()) {
            ConsumerTask<String, String> task = kafka.consumeStrings().fromTopics(Topics.DELIVERY_OUTCOMES);
            try {
                // 9 outcomes and the sentinel's answer
                await().atMost(Duration.ofSeconds(15))
                        .until(() -> task.getRecords().stream().filter(r -> key.equals(r.key())).count() >= 10);
                List<OutcomeIngest.Located> outcomes = new ArrayList<>();
                for (ConsumerRecord<String, String> record : task.getRecords()) {
                    if (key.equals(record.key())) {
                        outcomes.add(new OutcomeIngest.Located(deserializer.deserialize(record.topic(),
                                record.value().getBytes(StandardCharsets.UTF_8)),
                                record.topic() + "@" + record.offset()));
                    }
                }
                return outcomes;
            } finally {
                task.stop();
            }
        }
    }
}
