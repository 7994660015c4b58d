package dev.marquee.segment.event.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.segment.segment.BatchEffects;
import dev.marquee.segment.segment.service.MembershipService;
import dev.marquee.segment.segment.service.SegmentCatalog;
import io.smallrye.mutiny.Uni;

/**
 * Consumes {@code user.events.v1} in batches: users together (pipelined), each user's events in order. A batch is acknowledged
 * only when all of it is applied; while Redis or Kafka fail it is retried (membership lags, nothing is skipped), and
 * what was applied before a failure is not applied twice (de-duplication by event id).
 */
@ApplicationScoped
public class UserEventConsumer {

    private static final Logger LOG = Logger.getLogger(UserEventConsumer.class);

    private final MembershipService membership;
    private final SegmentCatalog catalog;

    public UserEventConsumer(MembershipService membership, SegmentCatalog catalog) {
        this.membership = membership;
        this.catalog = catalog;
    }

    @Incoming("user-events")
    public Uni<Void> consume(List<UserEvent> batch) {
        Map<String, List<UserEvent>> byUser = new LinkedHashMap<>();
        for (UserEvent event : batch) {
            if (event == null || event.eventId() == null || event.appId() == null || event.userId() == null
                    || event.type() == null || event.occurredAt() == null) {
                // a record no producer should make (they validate): skipped, never fatal for the partition
                LOG.warn("skipped an unreadable record on user.events.v1");
                continue;
            }
            byUser.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event);
        }
        if (byUser.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<UserEvent>> users = List.copyOf(byUser.values());
        return catalog.loaded()
                .chain(() -> {
                    BatchEffects effects = new BatchEffects();
                    return membership.applyAll(users, effects).eventually(() -> membership.flush(effects));
                })
                .onFailure().invoke(e -> LOG.warnf("applying user events failed, retrying: %s", e.getMessage()))
                .onFailure().retry().withBackOff(Duration.ofMillis(100), Duration.ofSeconds(5)).indefinitely();
    }
}
