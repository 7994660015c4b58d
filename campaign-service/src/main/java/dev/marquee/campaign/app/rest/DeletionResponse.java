package dev.marquee.campaign.app.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.marquee.campaign.app.AppDeletion;
import dev.marquee.campaign.app.service.AppService.DeletionProgress;

/**
 * A deleted app's erasure. {@code state} is the erasure's in campaign-service ({@code PENDING}, {@code ERASING},
 * {@code DONE}); {@code stores} tells, per store, what campaign-service knows of it: its own rows (with counts), the
 * gateways' key tables (revoked once the outbox published the deletion), and each other service's stores as it reported
 * their erasure on {@code app.erasures.v1} (segment-service's and delivery-service's: {@code PENDING} until it
 * reports {@code DONE} with its counts).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(example = "{\"appId\": \"3c9b2f1e-…\", \"name\": \"Demo shop\", \"deletedAt\": \"2026-11-23T10:00:00Z\", \"deletedBy\": \"operator\", \"state\": \"DONE\", \"finishedAt\": \"2026-11-23T10:00:01Z\", \"stores\": [{\"store\": \"gateway\", \"state\": \"DONE\", \"detail\": \"…\"}, {\"store\": \"campaign-service\", \"state\": \"DONE\", \"erased\": {\"campaigns\": 3, \"versions\": 9, \"auditEntries\": 9, \"credentials\": 2, \"identitySecrets\": 0, \"settings\": 1}}]}")
public record DeletionResponse(String appId, String name, Instant deletedAt, String deletedBy, AppDeletion.State state,
        Instant finishedAt, List<Store> stores) {

    public static final String PENDING = "PENDING";
    public static final String DONE = "DONE";

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(example = "{\"store\": \"campaign-service\", \"state\": \"ERASING\", \"erased\": {\"campaigns\": 100, \"versions\": 412, \"auditEntries\": 388, \"credentials\": 0, \"identitySecrets\": 0, \"settings\": 0}, \"detail\": \"…\"}")
    public record Store(String store, String state, Map<String, Long> erased, String detail) {
    }

    static DeletionResponse of(DeletionProgress progress) {
        AppDeletion deletion = progress.deletion();
        Map<String, Long> erased = new LinkedHashMap<>();
        erased.put("campaigns", deletion.erasedCampaigns);
        erased.put("versions", deletion.erasedVersions);
        erased.put("auditEntries", deletion.erasedAuditEntries);
        erased.put("credentials", deletion.erasedCredentials);
        erased.put("identitySecrets", deletion.erasedIdentitySecrets);
        erased.put("settings", deletion.erasedSettings);
        List<Store> stores = List.of(
                new Store("gateway", progress.eventsPublished() ? DONE : PENDING, null, progress.eventsPublished()
                        ? "every credential revoked; published on app.events.v1, each gateway refuses them as it reads it"
                        : "every credential revoked; waiting for the outbox to publish it on app.events.v1"),
                new Store("campaign-service", deletion.state.name(), erased,
                        "campaigns (each published as DELETED, which drops it from delivery's index), versions, audit"
                                + " entries, credentials, identity secrets, settings"),
                reported(progress, "segment-service", "segments, static members, profiles, counters and memberships: erased"
                        + " a few seconds after segment-service reads DELETED on app.events.v1"),
                reported(progress, "delivery-service", "the Redis keys of the app's users (caps, impressions,"
                        + " conversions, inbox, stream outbox, sessions): erased when delivery-service reads DELETED on"
                        + " app.events.v1"));
        return new DeletionResponse(progress.app().id, progress.app().name, progress.app().deletedAt,
                deletion.requestedBy, deletion.state, deletion.finishedAt, stores);
    }

    /** The service's store as it reported its erasure; {@code PENDING} until its first report. */
    private static Store reported(DeletionProgress progress, String service, String detail) {
        return progress.reports().stream().filter(r -> r.service().equals(service)).findFirst()
                .map(r -> new Store(service, r.state().name(), r.erased(), detail))
                .orElse(new Store(service, PENDING, null, detail));
    }
}
