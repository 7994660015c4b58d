package dev.marquee.campaign.app.rest;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.marquee.campaign.app.AppCredential;
import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.contracts.app.SdkScope;

/**
 * An SDK key or admin token as the API shows it: never its hash; its secret only in the answer that issued it. Fields
 * that do not apply to the kind are left out.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = "{\"id\": \"k-2\", \"kind\": \"ADMIN_TOKEN\", \"name\": \"growth team\", \"role\": \"EDITOR\", \"createdAt\": \"2026-11-23T10:00:00Z\", \"secret\": \"mq_at_… (in the answer that issues it, never again)\"}")
public record KeyView(String id, CredentialKind kind, String name, AdminRole role, List<SdkScope> scopes,
        List<String> allowedOrigins, List<String> bundleIds, Instant createdAt, Instant expiresAt, String secret) {

    static KeyView of(AppCredential c) {
        return issued(c, null);
    }

    static KeyView issued(AppCredential c, String secret) {
        return new KeyView(c.id, c.kind, c.name, c.role, c.sdkScopes(), c.allowedOrigins, c.bundleIds, c.createdAt,
                c.expiresAt, secret);
    }
}
