package dev.marquee.campaign.app.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.campaign.app.AppAuditEntry;

/** One change of an app: who ({@code principal}, as the gateway asserted it), when, what, and what it altered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = "{\"id\": 7, \"action\": \"renamed\", \"principal\": \"operator\", \"at\": \"2026-11-23T10:05:00Z\", \"changes\": [{\"field\": \"name\", \"before\": \"Demo shop\", \"after\": \"Shop\"}]}")
public record AppAuditResponse(long id, String action, String principal, Instant at, JsonNode changes) {

    static AppAuditResponse of(AppAuditEntry entry, JsonNode changes) {
        return new AppAuditResponse(entry.id, entry.action, entry.principal, entry.at, changes);
    }
}
