package dev.marquee.delivery.store;

import static dev.marquee.delivery.Catalogue.SESSION_START;
import static dev.marquee.delivery.Catalogue.campaign;
import static dev.marquee.delivery.Catalogue.caps;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.delivery.Catalogue;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.redis.client.RedisAPI;

/**
 * Scripts run by their SHA-1 and survive Redis forgetting them (a restart, a failover, {@code SCRIPT FLUSH}): the
 * next call loads the script again and succeeds, on the real embedded Redis.
 */
@QuarkusTest
class RedisScriptTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    ObjectMapper json;

    @Inject
    RedisAPI redis;

    @Test
    void aFlushedScriptIsLoadedAgainAndTheCallSucceeds() {
        RedisScript handled = RedisScript.load("lua/handled.lua");
        String key = "mq:test:{" + UUID.randomUUID() + "}:handled";
        List<String> keys = List.of(key);

        assertThat(handled.run(redis, keys, List.of("e1", "1000", "60000")).await().atMost(WAIT).toLong(), equalTo(1L));
        flush();
        assertThat(exists(handled), equalTo(0L));

        assertThat("the call after the flush still answers", handled.run(redis, keys, List.of("e1", "1001", "60000"))
                .await().atMost(WAIT).toLong(), equalTo(0L));
        assertThat("and the script is known again", exists(handled), equalTo(1L));
    }

    @Test
    void aDecisionAfterAFlushStillDecidesAndCounts() throws Exception {
        Catalogue app = new Catalogue(json, bootstrap);
        app.settings(new WorkspaceSettings(1000, 1000, 0));
        app.publish(campaign(app.appId, "once", SESSION_START, caps(1, null, null, null, 50, false)));

        flush();
        assertThat(app.shown("ana", "s1"), equalTo("once"));
        flush();
        assertThat("the reservation before the flush counts", app.shown("ana", "s2"), nullValue());
        assertThat(app.explain("ana", "SESSION_START", "s3").get("once"), equalTo("cap:lifetime"));
    }

    private void flush() {
        redis.script(List.of("FLUSH")).await().atMost(WAIT);
    }

    private long exists(RedisScript script) {
        return redis.script(List.of("EXISTS", script.sha())).await().atMost(WAIT).get(0).toLong();
    }
}
