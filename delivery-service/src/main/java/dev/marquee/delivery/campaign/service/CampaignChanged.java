package dev.marquee.delivery.campaign.service;

/**
 * A campaign of the app changed in the index (published, updated, paused, ended, archived): fired as a CDI event, so
 * that what reacts to it (the SDK streams' resync) depends on the campaign feature and not the other way round.
 */
public record CampaignChanged(String appId, String campaignId) {
}
