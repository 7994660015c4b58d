package dev.marquee.contracts.app;

import java.time.Instant;
import java.util.Map;

/**
 * How far one service has erased a deleted app, as it publishes it on {@code app.erasures.v1} (compacted, keyed
 * {@code appId:service}): {@code PENDING} once it has recorded the deletion, {@code DONE} with what it erased.
 * campaign-service shows the newest report of each service (by {@code occurredAt}) in the app's deletion progress.
 *
 * @param service the reporting service, e.g. {@code segment-service}
 * @param erased  what was erased, by kind (e.g. {@code segments → 3}); empty until {@code DONE}
 */
public record AppErasureReport(String appId, String service, State state, Map<String, Long> erased,
        Instant finishedAt, Instant occurredAt) {

    public enum State {
        PENDING, DONE
    }

    public String key() {
        return appId + ":" + service;
    }
}
