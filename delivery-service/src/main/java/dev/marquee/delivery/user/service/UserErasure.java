package dev.marquee.delivery.user.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.delivery.user.repository.UserDataStore;
import io.smallrye.mutiny.Uni;

/**
 * A user's erasure, as segment-service announces it ({@code ERASED} on {@code segment.membership.v1}): this service's
 * share of the user's data goes too. Events of the user still on their way create new data: erasure is of what was
 * stored, as in segment-service.
 */
@ApplicationScoped
public class UserErasure {

    private static final Logger LOG = Logger.getLogger(UserErasure.class);

    private final UserDataStore store;

    public UserErasure(UserDataStore store) {
        this.store = store;
    }

    public Uni<Void> erase(String appId, String userId) {
        // the id of an erased user is not written to the log once the erasure worked
        return store.erase(appId, userId).invoke(() -> LOG.infof("a user of app %s erased", appId));
    }
}
