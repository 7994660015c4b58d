package dev.marquee.delivery.campaign.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Schedule;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * The active campaigns of every app, in memory, built from {@code campaign.events.v1} (and the last snapshot of the
 * others: those that went live, whose late outcomes still count, and drafts, which test users preview). The hot path
 * reads it without I/O. Applying an event is idempotent: a snapshot replaces the stored one only if its version is newer, so a
 * redelivered or replayed event (same eventId, same version) changes nothing.
 */
@ApplicationScoped
public class CampaignIndex {

    /** The order every reader gets: the most recently started first, then by id (an edit does not reorder). */
    private static final Comparator<CampaignSnapshot> MOST_RECENT_FIRST = Comparator
            .comparing(CampaignSnapshot::startedAt, Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(CampaignSnapshot::id);

    private static final Duration AWAIT_POLL = Duration.ofMillis(25);

    private final Map<String, Map<String, CampaignSnapshot>> activeByApp = new ConcurrentHashMap<>();
    /** The same campaigns, sorted once per change instead of once per decision: what the hot path reads. */
    private final Map<String, List<CampaignSnapshot>> sortedByApp = new ConcurrentHashMap<>();
    /** The goal event names of each app's active campaigns: most tracked events match none and are skipped early. */
    private final Map<String, Set<String>> goalNamesByApp = new ConcurrentHashMap<>();
    private final Map<String, Long> versions = new ConcurrentHashMap<>();
    /** The last snapshot of each campaign that went live and is no longer active (paused, ended, archived). */
    private final Map<String, Map<String, CampaignSnapshot>> retiredByApp = new ConcurrentHashMap<>();
    /** The last snapshot of each campaign that never went live (a draft, or scheduled): what test users preview. */
    private final Map<String, Map<String, CampaignSnapshot>> draftsByApp = new ConcurrentHashMap<>();

    /**
     * Returns true when the event changed the index. Changes are rare (a campaign published, edited or paused) and
     * serialized, so that the sorted copy of an app always matches its map.
     */
    public synchronized boolean apply(CampaignEvent event) {
        CampaignSnapshot snapshot = event.campaign();
        Long current = versions.get(event.key());
        if (current != null && current >= snapshot.version()) {
            return false;
        }
        versions.put(event.key(), snapshot.version());
        Map<String, CampaignSnapshot> app = activeByApp.computeIfAbsent(event.appId(), a -> new ConcurrentHashMap<>());
        Map<String, CampaignSnapshot> retired = retiredByApp.computeIfAbsent(event.appId(),
                a -> new ConcurrentHashMap<>());
        Map<String, CampaignSnapshot> drafts = draftsByApp.computeIfAbsent(event.appId(),
                a -> new ConcurrentHashMap<>());
        drafts.remove(snapshot.id());
        if (snapshot.state() == CampaignState.ACTIVE) {
            app.put(snapshot.id(), snapshot);
            retired.remove(snapshot.id());
        } else {
            app.remove(snapshot.id());
            if (wentLive(snapshot)) {
                retired.put(snapshot.id(), snapshot);
            } else if (event.type() != CampaignEventType.DELETED) {
                drafts.put(snapshot.id(), snapshot);
            }
        }
        sortedByApp.put(event.appId(), app.values().stream().sorted(MOST_RECENT_FIRST).toList());
        goalNamesByApp.put(event.appId(), goalNames(app.values()));
        return true;
    }

    /** The app's active campaigns whose schedule runs at {@code now}, the most recently changed first. */
    public List<CampaignSnapshot> active(String appId, Instant now) {
        return all(appId).stream().filter(campaign -> runsAt(campaign.schedule(), now)).toList();
    }

    /** Every active campaign of the app, whatever its schedule, the most recently changed first (immutable). */
    public List<CampaignSnapshot> all(String appId) {
        return sortedByApp.getOrDefault(appId, List.of());
    }

    /** The names of the goal events of the app's active campaigns. */
    public Set<String> goalNames(String appId) {
        return goalNamesByApp.getOrDefault(appId, Set.of());
    }

    /** One active campaign of the app. */
    public java.util.Optional<CampaignSnapshot> get(String appId, String campaignId) {
        Map<String, CampaignSnapshot> app = activeByApp.get(appId);
        return java.util.Optional.ofNullable(app == null ? null : app.get(campaignId));
    }

    /**
     * A campaign of the app that is active or went live before (then paused, ended or archived): what the user may
     * have been shown, so that outcomes of a message shown before the campaign stopped still count.
     */
    public java.util.Optional<CampaignSnapshot> shown(String appId, String campaignId) {
        return get(appId, campaignId).or(() -> java.util.Optional
                .ofNullable(retiredByApp.getOrDefault(appId, Map.of()).get(campaignId)));
    }

    /**
     * Any campaign of the app, in its latest version: active, went live before, or a draft (or scheduled) that never
     * did. What a test user may be sent; a deleted draft is gone.
     */
    public java.util.Optional<CampaignSnapshot> known(String appId, String campaignId) {
        return shown(appId, campaignId).or(() -> java.util.Optional
                .ofNullable(draftsByApp.getOrDefault(appId, Map.of()).get(campaignId)));
    }

    /**
     * What {@code lookup} finds in the index, waiting up to {@code max} for it to catch up with a change campaign-service
     * committed whose event has not arrived yet (a send right after an activation); empty if it finds nothing then.
     */
    public Uni<java.util.Optional<CampaignSnapshot>> await(Supplier<java.util.Optional<CampaignSnapshot>> lookup,
            Duration max) {
        java.util.Optional<CampaignSnapshot> now = lookup.get();
        if (now.isPresent() || max.isZero()) {
            return Uni.createFrom().item(now);
        }
        return Multi.createFrom().ticks().every(AWAIT_POLL).map(tick -> lookup.get())
                .filter(java.util.Optional::isPresent).toUni()
                .ifNoItem().after(max).recoverWithItem(java.util.Optional.empty());
    }

    private static boolean wentLive(CampaignSnapshot snapshot) {
        return snapshot.activatedAt() != null || snapshot.state() == CampaignState.PAUSED
                || snapshot.state() == CampaignState.ENDED;
    }

    private static Set<String> goalNames(Collection<CampaignSnapshot> campaigns) {
        Set<String> names = new HashSet<>();
        for (CampaignSnapshot campaign : campaigns) {
            if (campaign.goals() != null && campaign.goals().events() != null) {
                campaign.goals().events().forEach(goal -> names.add(goal.name()));
            }
        }
        return Set.copyOf(names);
    }

    /** Start and end are checked here, without I/O; the delivery window depends on the user's time zone. */
    private static boolean runsAt(Schedule schedule, Instant now) {
        return schedule == null || ((schedule.startAt() == null || !now.isBefore(schedule.startAt()))
                && (schedule.endAt() == null || now.isBefore(schedule.endAt())));
    }
}
