package dev.marquee.campaign.campaign.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.campaign.campaign.AuditEntry;

/**
 * One committed change: who ({@code principal}, the admin token's name), when, what ({@code action}, the version it
 * made) and {@code changes}: each altered field of the campaign with its value before and after.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = "{\"id\": 41, \"action\": \"updated\", \"version\": 2, \"principal\": \"admin-token:growth-team\", \"at\": \"2026-11-23T10:05:00Z\", \"changes\": [{\"field\": \"name\", \"before\": \"Welcome\", \"after\": \"Welcome aboard\"}]}")
public record AuditResponse(long id, String action, long version, String principal, Instant at, JsonNode changes) {

    static AuditResponse of(AuditEntry entry, JsonNode changes) {
        return new AuditResponse(entry.id, entry.action, entry.version, entry.principal, entry.at, changes);
    }
}
