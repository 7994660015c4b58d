package dev.marquee.campaign.campaign.rest;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.campaign.campaign.CampaignVersion;

/** A version of a campaign: the snapshot it had after one committed change, and who made that change. */
public record VersionResponse(long version, String principal, Instant createdAt, JsonNode campaign) {

    static VersionResponse of(CampaignVersion version, JsonNode snapshot) {
        return new VersionResponse(version.version, version.principal, version.createdAt, snapshot);
    }
}
