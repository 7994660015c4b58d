package dev.marquee.delivery.campaign.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.marquee.contracts.campaign.CampaignEvent;
import dev.marquee.contracts.campaign.CampaignEventType;
import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.campaign.Variant;

/** Campaign events as campaign-service publishes them, for tests. */
public final class CampaignSnapshots {

    private CampaignSnapshots() {
    }

    public static CampaignEvent event(String appId, String campaignId, CampaignState state, long version) {
        return event(appId, campaignId, state, version, Schedule.DEFAULT);
    }

    public static CampaignEvent event(String appId, String campaignId, CampaignState state, long version,
            Schedule schedule) {
        Instant at = Instant.parse("2026-11-01T10:00:00Z").plusSeconds(version);
        CampaignSnapshot snapshot = new CampaignSnapshot(campaignId, appId, "Campaign " + campaignId, state, version,
                List.of(new Trigger(Trigger.Type.SESSION_START, null, null, List.of(), 0)), Targeting.EVERYONE,
                List.of(new Variant("A", null, 100, message(campaignId))), 0, schedule, Frequency.DEFAULT, null, at, null);
        CampaignEventType type = state == CampaignState.ACTIVE ? CampaignEventType.PUBLISHED : CampaignEventType.PAUSED;
        return new CampaignEvent(UUID.randomUUID().toString(), type, appId, campaignId, at, snapshot);
    }

    public static Message message(String campaignId) {
        return new Message(MessageFormat.MODAL, "Title of " + campaignId, "Body", null,
                List.of(new Message.Button("ok", "OK", Message.Button.Action.DISMISS, null, null)), null, null, null, null,
                null, null, null, null,
                Map.of("fr", new Message.Translation("Titre de " + campaignId, "Corps", null, Map.of("ok", "D'accord"),
                        null, null)));
    }
}
