package dev.marquee.campaign.campaign.rest;

import java.time.Instant;

import dev.marquee.campaign.campaign.AuditEntry;

public record AuditResponse(long id, String action, long version, String principal, Instant at) {

    static AuditResponse of(AuditEntry entry) {
        return new AuditResponse(entry.id, entry.action, entry.version, entry.principal, entry.at);
    }
}
