package dev.marquee.contracts.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class CampaignSnapshotTest {

    private static final Instant EDITED = Instant.parse("2026-05-03T00:00:00Z");
    private static final Instant LIVE = Instant.parse("2026-05-02T00:00:00Z");
    private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");

    @Test
    void itStartedAtItsScheduleStartElseWhenItWentLiveNeverWhenEdited() {
        assertEquals(START, snapshot(new Schedule(START, null, null, Schedule.DeliveryMode.ALWAYS_ON), LIVE)
                .startedAt());
        assertEquals(LIVE, snapshot(Schedule.DEFAULT, LIVE).startedAt());
        // a snapshot written before activatedAt existed
        assertEquals(EDITED, snapshot(Schedule.DEFAULT, null).startedAt());
    }

    @Test
    void startedAtIsNotPartOfTheEvent() throws Exception {
        ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
        CampaignSnapshot snapshot = snapshot(Schedule.DEFAULT, LIVE);

        String written = json.writeValueAsString(snapshot);

        assertFalse(json.readTree(written).has("startedAt"), written);
        assertEquals(snapshot, json.readValue(written, CampaignSnapshot.class));
    }

    private static CampaignSnapshot snapshot(Schedule schedule, Instant activatedAt) {
        return new CampaignSnapshot("c", "app", "Welcome", CampaignState.ACTIVE, 3, List.of(), Targeting.EVERYONE,
                List.of(), 0, schedule, Frequency.DEFAULT, null, EDITED, activatedAt);
    }
}
