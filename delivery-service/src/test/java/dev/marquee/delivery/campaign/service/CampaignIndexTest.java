package dev.marquee.delivery.campaign.service;

import static dev.marquee.delivery.campaign.service.CampaignSnapshots.event;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Schedule;

class CampaignIndexTest {

    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    private final CampaignIndex index = new CampaignIndex();

    @Test
    void servesActiveCampaignsOfTheAppOnly() {
        index.apply(event("app-a", "c1", CampaignState.ACTIVE, 2));
        index.apply(event("app-b", "c2", CampaignState.ACTIVE, 2));

        assertEquals(List.of("c1"), ids("app-a"));
        assertEquals(List.of("c2"), ids("app-b"));
        assertEquals(List.of(), ids("app-c"));
    }

    @Test
    void aPausedSnapshotRemovesTheCampaign() {
        index.apply(event("app", "c1", CampaignState.ACTIVE, 2));
        index.apply(event("app", "c1", CampaignState.PAUSED, 3));

        assertEquals(List.of(), ids("app"));
    }

    @Test
    void aCampaignThatWentLiveStaysKnownForItsOutcomesAfterItStops() {
        index.apply(event("app", "paused", CampaignState.ACTIVE, 2));
        index.apply(event("app", "paused", CampaignState.PAUSED, 3));
        index.apply(event("app", "draft", CampaignState.DRAFT, 1));

        assertEquals(3, index.shown("app", "paused").orElseThrow().version());
        assertTrue(index.get("app", "paused").isEmpty(), "not served");
        assertTrue(index.shown("app", "draft").isEmpty(), "never shown to anyone");
        assertTrue(index.shown("other-app", "paused").isEmpty());

        index.apply(event("app", "paused", CampaignState.ACTIVE, 4));
        assertEquals(4, index.shown("app", "paused").orElseThrow().version());
    }

    @Test
    void aDraftIsKnownForPreviewsUntilItGoesLiveOrIsDeleted() {
        index.apply(event("app", "draft", CampaignState.DRAFT, 1));
        index.apply(event("app", "gone", CampaignState.DRAFT, 1));
        CampaignEvent created = event("app", "gone", CampaignState.DRAFT, 2);
        index.apply(new CampaignEvent("deleted", CampaignEventType.DELETED, "app", "gone", created.occurredAt(),
                created.campaign()));

        assertEquals(1, index.known("app", "draft").orElseThrow().version());
        assertTrue(index.get("app", "draft").isEmpty(), "not served");
        assertTrue(index.known("app", "gone").isEmpty(), "a deleted draft is gone");
        assertTrue(index.known("other-app", "draft").isEmpty());

        index.apply(event("app", "draft", CampaignState.ACTIVE, 2));
        index.apply(event("app", "draft", CampaignState.PAUSED, 3));
        assertEquals(3, index.known("app", "draft").orElseThrow().version());
        assertTrue(index.shown("app", "draft").isPresent(), "it went live");
    }

    @Test
    void aRedeliveredOrOlderEventChangesNothing() {
        CampaignEvent published = event("app", "c1", CampaignState.ACTIVE, 2);
        assertTrue(index.apply(published));
        assertTrue(index.apply(event("app", "c1", CampaignState.PAUSED, 3)));

        assertFalse(index.apply(published), "a replay of an older event must not resurrect the campaign");
        assertFalse(index.apply(event("app", "c1", CampaignState.PAUSED, 3)));
        assertEquals(List.of(), ids("app"));
    }

    @Test
    void theMostRecentlyChangedComesFirst() {
        index.apply(event("app", "old", CampaignState.ACTIVE, 2));
        index.apply(event("app", "new", CampaignState.ACTIVE, 5));

        assertEquals(List.of("new", "old"), ids("app"));
    }

    @Test
    void aCampaignIsServedOnlyBetweenItsStartAndItsEnd() {
        index.apply(event("app", "later", CampaignState.ACTIVE, 2, schedule(NOW.plusSeconds(60), null)));
        index.apply(event("app", "over", CampaignState.ACTIVE, 2, schedule(null, NOW)));
        index.apply(event("app", "now", CampaignState.ACTIVE, 2, schedule(NOW, NOW.plusSeconds(60))));

        assertEquals(List.of("now"), ids("app"));
    }

    private static Schedule schedule(Instant startAt, Instant endAt) {
        return new Schedule(startAt, endAt, null, Schedule.DeliveryMode.ALWAYS_ON);
    }

    private List<String> ids(String appId) {
        return index.active(appId, NOW).stream().map(CampaignSnapshot::id).toList();
    }
}
