package dev.marquee.delivery.outcome.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.delivery.outcome.service.ConversionAttribution;
import io.smallrye.mutiny.Uni;

/**
 * Tracked events (SDK and server-side) checked against campaign goals, a poll's batch at a time: every tracked event
 * passes here, and most match no goal, so the per-record cost of the messaging pipeline is paid once per batch. The
 * batch's offsets are committed after all its attributions completed (at-least-once; attribution is idempotent).
 */
@ApplicationScoped
public class UserEventConsumer {

    private static final Logger LOG = Logger.getLogger(UserEventConsumer.class);

    private final ConversionAttribution attribution;

    public UserEventConsumer(ConversionAttribution attribution) {
        this.attribution = attribution;
    }

    @Incoming("user-events")
    public Uni<Void> consume(List<UserEvent> batch) {
        List<Uni<Void>> work = new ArrayList<>();
        for (UserEvent event : batch) {
            if (event == null || event.appId() == null || event.userId() == null) {
                LOG.warn("skipped an unreadable record on user.events.v1");
            } else if (attribution.mayConvert(event)) {
                work.add(attribute(event));
            }
        }
        return work.isEmpty() ? Uni.createFrom().voidItem() : Uni.join().all(work).andCollectFailures().replaceWithVoid();
    }

    private Uni<Void> attribute(UserEvent event) {
        // Redis or Kafka briefly away: retry rather than stop the channel; after that the conversion is logged
        // and skipped (the event itself is safe in user.events.v1 for a replay)
        return attribution.attribute(event)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("conversion attribution of event %s skipped: %s", event.eventId(), e.getMessage());
                    return null;
                });
    }
}
