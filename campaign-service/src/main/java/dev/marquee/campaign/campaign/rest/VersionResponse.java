package dev.marquee.campaign.campaign.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.campaign.campaign.CampaignVersion;

/** A version of a campaign: the snapshot it had after one committed change, and who made that change. */
@Schema(example = "{\"version\": 2, \"principal\": \"admin-token:growth-team\", \"createdAt\": \"2026-11-23T10:05:00Z\", \"campaign\": {\"id\": \"8f0e1c7a-…\", \"state\": \"DRAFT\", \"version\": 2, \"name\": \"Welcome\"}}")
public record VersionResponse(long version, String principal, Instant createdAt, JsonNode campaign) {

    static VersionResponse of(CampaignVersion version, JsonNode snapshot) {
        return new VersionResponse(version.version, version.principal, version.createdAt, snapshot);
    }
}
