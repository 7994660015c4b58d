package dev.marquee.results.campaign;

import java.util.List;

/**
 * What results needs to know of a campaign, as {@code campaign.events.v1} last announced it: whose it is, its arms
 * (variants in the campaign's order, A first) and control share, and the goal events that count as conversions.
 */
public record CampaignDefinition(String appId, String campaignId, String name, long version, String state,
        List<VariantArm> variants, int controlPercent, List<String> goalEvents, Integer goalWindowDays,
        boolean deleted) {

    public CampaignDefinition {
        variants = List.copyOf(variants);
        goalEvents = List.copyOf(goalEvents);
    }

    public record VariantArm(String id, String name, int weight) {
    }
}
