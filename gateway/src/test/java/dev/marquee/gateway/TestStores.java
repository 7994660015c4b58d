package dev.marquee.gateway;

import dev.marquee.gateway.test.FakeUpstreams;
import dev.marquee.infra.test.KafkaResource;
import dev.marquee.infra.test.RedisResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

/**
 * The stores every {@code @QuarkusTest} of this module runs against, declared once for the module: Redis, Kafka and the stand-in upstreams,
 * started in parallel before the first test and once per run. Quarkus finds every {@code @WithTestResource} in the
 * test classes, whichever class carries it, and {@link TestResourceScope#GLOBAL} applies it to every test, so a
 * test class declares none of its own (as in campaign-service).
 */
@WithTestResource(value = FakeUpstreams.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = RedisResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = KafkaResource.class, parallel = true, scope = TestResourceScope.GLOBAL)
public final class TestStores {

    private TestStores() {
    }
}
