package dev.marquee.delivery.decision;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static dev.marquee.delivery.Catalogue.caps;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.delivery.Catalogue;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Caps are exact under contention: the check and the reservation are one atomic script. */
@QuarkusTest
class ConcurrentDisplayTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisDataSource redis;

    @Test
    void aThousandConcurrentAttemptsFromThreeDevicesAgainstACapOfThreeYieldExactlyThreeImpressions() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(10_000, 10_000, 0));
        app.publish(campaign(app.appId, "capped", SESSION_START, caps(3, null, null, null, 50, false)));

        ExecutorService pool = Executors.newFixedThreadPool(48);
        try {
            List<Future<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                String device = "device-" + (i % 3);
                attempts.add(pool.submit(() -> app.shown("ana", device)));
            }
            int shown = 0;
            for (Future<String> attempt : attempts) {
                if ("capped".equals(attempt.get())) {
                    shown++;
                }
            }
            assertThat(shown, equalTo(3));
        } finally {
            pool.shutdownNow();
        }
        String state = "mq:{" + app.appId + ":ana}:delivery";
        assertThat(redis.hash(String.class).hget(state, "life:capped"), equalTo("3"));
        assertThat(redis.sortedSet(String.class).zcard("mq:{" + app.appId + ":ana}:impressions"), equalTo(3L));
    }
}
