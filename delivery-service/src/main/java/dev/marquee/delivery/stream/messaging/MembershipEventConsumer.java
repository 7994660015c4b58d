package dev.marquee.delivery.stream.messaging;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import dev.marquee.contracts.segment.MembershipChange;
import dev.marquee.contracts.segment.SegmentMembershipEvent;
import dev.marquee.delivery.stream.service.SegmentEntries;
import dev.marquee.delivery.user.service.UserErasure;
import io.smallrye.mutiny.Uni;

/**
 * segment.membership.v1: a user who entered a segment gets a resync hint and, if a campaign says so, a message; an
 * erased user's data here is erased too.
 */
@ApplicationScoped
public class MembershipEventConsumer {

    private static final Logger LOG = Logger.getLogger(MembershipEventConsumer.class);

    private final SegmentEntries entries;
    private final UserErasure erasure;

    public MembershipEventConsumer(SegmentEntries entries, UserErasure erasure) {
        this.entries = entries;
        this.erasure = erasure;
    }

    @Incoming("segment-membership")
    public Uni<Void> consume(SegmentMembershipEvent event) {
        if (event != null && event.change() == MembershipChange.ERASED) {
            // not to be given up on after a short outage like an entry: retried for minutes (the partition waits)
            return erasure.erase(event.appId(), event.userId())
                    .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(30)).atMost(20)
                    .onFailure().recoverWithItem(e -> {
                        LOG.errorf("erasure of user %s of app %s not completed: %s", event.userId(), event.appId(),
                                e.getMessage());
                        return null;
                    });
        }
        if (event == null || event.change() != MembershipChange.ENTERED || event.segmentId() == null) {
            return Uni.createFrom().voidItem();
        }
        // Redis briefly away: retry, then log and go on (membership keeps flowing; the user just misses this one)
        return entries.entered(event)
                .onFailure().retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(5)).atMost(5)
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("segment entry %s not handled: %s", event.eventId(), e.getMessage());
                    return null;
                });
    }
}
