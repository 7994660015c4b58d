package dev.marquee.delivery.campaign.service;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Schedule;

/**
 * The active campaigns of every app, in memory, built from {@code campaign.events.v1}. The hot path reads it without
 * I/O. Applying an event is idempotent: a snapshot replaces the stored one only if its version is newer, so a
 * redelivered or replayed event (same eventId, same version) changes nothing.
 */
@ApplicationScoped
public class CampaignIndex {

    private final Map<String, Map<String, CampaignSnapshot>> activeByApp = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();

    /** Returns true when the event changed the index. */
    public boolean apply(CampaignEvent event) {
        CampaignSnapshot snapshot = event.campaign();
        String key = event.key();
        boolean[] newer = {false};
        versions.compute(key, (k, current) -> {
            if (current != null && current >= snapshot.version()) {
                return current;
            }
            newer[0] = true;
            Map<String, CampaignSnapshot> app = activeByApp.computeIfAbsent(event.appId(), a -> new ConcurrentHashMap<>());
            if (snapshot.state() == CampaignState.ACTIVE) {
                app.put(snapshot.id(), snapshot);
            } else {
                app.remove(snapshot.id());
            }
            return snapshot.version();
        });
        return newer[0];
    }

    /** The app's active campaigns whose schedule runs at {@code now}, the most recently changed first. */
    public List<CampaignSnapshot> active(String appId, Instant now) {
        Map<String, CampaignSnapshot> app = activeByApp.get(appId);
        if (app == null) {
            return List.of();
        }
        return app.values().stream()
                .filter(campaign -> runsAt(campaign.schedule(), now))
                .sorted(Comparator.comparing(CampaignSnapshot::updatedAt).reversed().thenComparing(CampaignSnapshot::id))
                .toList();
    }

    /** Every active campaign of the app, whatever its schedule, the most recently changed first. */
    public List<CampaignSnapshot> all(String appId) {
        Map<String, CampaignSnapshot> app = activeByApp.get(appId);
        if (app == null) {
            return List.of();
        }
        return app.values().stream()
                .sorted(Comparator.comparing(CampaignSnapshot::updatedAt).reversed().thenComparing(CampaignSnapshot::id))
                .toList();
    }

    /** One active campaign of the app. */
    public java.util.Optional<CampaignSnapshot> get(String appId, String campaignId) {
        Map<String, CampaignSnapshot> app = activeByApp.get(appId);
        return java.util.Optional.ofNullable(app == null ? null : app.get(campaignId));
    }

    /** Start and end are checked here, without I/O; the delivery window depends on the user's time zone. */
    private static boolean runsAt(Schedule schedule, Instant now) {
        return schedule == null || ((schedule.startAt() == null || !now.isBefore(schedule.startAt()))
                && (schedule.endAt() == null || now.isBefore(schedule.endAt())));
    }
}
