package dev.marquee.delivery.decision.repository;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.segment.SegmentKeys;
import dev.marquee.delivery.config.DeliveryConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.RedisAPI;

/**
 * Which segments of an app have complete membership, kept in memory. segment-service's ready marker
 * ({@link SegmentKeys#SEGMENTS_READY}) is in the app's hash slot, not the user's, so the per-user decision script cannot
 * read it on a cluster; instead this copy is refreshed in the background at most every
 * {@code marquee.delivery.ready-segments-refresh} and handed to the decision. Only an app's first decision waits for
 * it. A segment that is not (yet) ready makes the campaigns targeting it fail closed.
 */
@ApplicationScoped
public class ReadySegments {

    private static final Logger LOG = Logger.getLogger(ReadySegments.class);

    private record Copy(Set<String> ids, long readAtNanos) {
    }

    private final RedisAPI redis;
    private final long refreshNanos;
    private final long timeoutMillis;
    private final Map<String, Copy> byApp = new ConcurrentHashMap<>();
    private final Set<String> refreshing = ConcurrentHashMap.newKeySet();

    public ReadySegments(RedisAPI redis, DeliveryConfig config) {
        this.redis = redis;
        this.refreshNanos = config.readySegmentsRefresh().toNanos();
        this.timeoutMillis = config.redisTimeout().toMillis();
    }

    /** The app's built segments; empty (everything unknown) when Redis was never reachable. */
    public Uni<Set<String>> of(String appId) {
        Copy copy = byApp.get(appId);
        if (copy == null) {
            return read(appId).onFailure().recoverWithItem(Set.of());
        }
        if (System.nanoTime() - copy.readAtNanos() > refreshNanos && refreshing.add(appId)) {
            read(appId).onTermination().invoke(() -> refreshing.remove(appId))
                    .subscribe().with(ids -> {
                    }, e -> LOG.debugf("ready segments of %s not refreshed: %s", appId, e.getMessage()));
        }
        return Uni.createFrom().item(copy.ids());
    }

    private Uni<Set<String>> read(String appId) {
        return redis.hkeys(String.format(SegmentKeys.SEGMENTS_READY, appId))
                .ifNoItem().after(java.time.Duration.ofMillis(timeoutMillis)).fail()
                .map(response -> {
                    Set<String> ids = new HashSet<>();
                    response.forEach(r -> ids.add(r.toString()));
                    byApp.put(appId, new Copy(Set.copyOf(ids), System.nanoTime()));
                    return ids;
                });
    }
}
