package dev.marquee.delivery.decision.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.delivery.campaign.service.CampaignSnapshots;

class VariantAssignmentTest {

    private static final CampaignSnapshot EXPERIMENT = new CampaignSnapshot("c-1", "app", "AB", CampaignState.ACTIVE, 3,
            List.of(), Targeting.EVERYONE,
            List.of(new Variant("A", null, 60, CampaignSnapshots.message("a")),
                    new Variant("B", null, 30, CampaignSnapshots.message("b"))),
            10, Schedule.DEFAULT, Frequency.DEFAULT, null, Instant.EPOCH, Instant.EPOCH);

    @Test
    void aUserKeepsTheirVariant() {
        for (int u = 0; u < 100; u++) {
            Optional<Variant> first = VariantAssignment.of(EXPERIMENT, "user-" + u);
            for (int i = 0; i < 100; i++) {
                assertEquals(first, VariantAssignment.of(EXPERIMENT, "user-" + u));
            }
        }
    }

    @Test
    void oneUsersVariantIsTheSameAcrossTenThousandDecisions() {
        Optional<Variant> first = VariantAssignment.of(EXPERIMENT, "ana");
        for (int i = 0; i < 10_000; i++) {
            assertEquals(first, VariantAssignment.of(EXPERIMENT, "ana"));
        }
    }

    @Test
    void weightsAndTheControlShareHoldWithinOnePercentOverAHundredThousandUsers() {
        Map<String, Integer> counts = new HashMap<>();
        int users = 100_000;
        for (int u = 0; u < users; u++) {
            String arm = VariantAssignment.of(EXPERIMENT, "user-" + u).map(Variant::id).orElse("control");
            counts.merge(arm, 1, Integer::sum);
        }
        assertShare(counts.get("A"), users, 0.60);
        assertShare(counts.get("B"), users, 0.30);
        assertShare(counts.get("control"), users, 0.10);
    }

    private static void assertShare(int count, int users, double expected) {
        double share = (double) count / users;
        assertTrue(Math.abs(share - expected) < 0.01, "share " + share + " expected " + expected);
    }
}
