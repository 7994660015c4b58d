package dev.marquee.infra.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import dev.marquee.infra.store.EmbeddedRedisServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real redis-server on a random port for {@code @QuarkusTest}s. */
public class RedisResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedRedisServer redis;

    @Override
    public Map<String, String> start() {
        try {
            redis = EmbeddedRedisServer.start(0, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("quarkus.redis.hosts", redis.url());
    }

    @Override
    public void stop() {
        if (redis != null) {
            try {
                redis.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
