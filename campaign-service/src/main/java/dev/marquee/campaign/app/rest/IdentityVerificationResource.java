package dev.marquee.campaign.app.rest;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.marquee.campaign.app.AppIdentitySecret;
import dev.marquee.campaign.app.service.IdentityService;
import io.smallrye.mutiny.Uni;

/**
 * Identity verification (like Intercom's): the app's backend signs each user id with a secret, hex
 * HMAC-SHA256(secret, userId), and the SDK sends it along; the gateway then refuses an SDK call for a user without a
 * valid signature for that user. On while the app has a secret. Admin role only (the gateway enforces it).
 */
@Path("/v1/apps/{appId}/identity-verification")
@Produces(MediaType.APPLICATION_JSON)
public class IdentityVerificationResource {

    /** Verification state; a secret appears only in the answer that issued it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(example = "{\"id\": \"s-1\", \"createdAt\": \"2026-11-23T10:00:00Z\", \"expiresAt\": null, \"secret\": \"… (in the answer that creates it, never again)\"}")
    public record SecretView(String id, Instant createdAt, Instant expiresAt, String secret) {
    }

    @Schema(example = "{\"enabled\": true, \"secrets\": [{\"id\": \"s-1\", \"createdAt\": \"2026-11-23T10:00:00Z\"}]}")
    public record State(boolean enabled, List<SecretView> secrets) {
    }

    private final IdentityService service;

    public IdentityVerificationResource(IdentityService service) {
        this.service = service;
    }

    @GET
    public Uni<State> get(@PathParam("appId") String appId) {
        return service.live(appId).map(live -> new State(!live.isEmpty(),
                live.stream().map(s -> new SecretView(s.id, s.createdAt, s.expiresAt, null)).toList()));
    }

    /** Turns verification on, or replaces the secret; the previous ones stay valid for {@code overlapSeconds}. */
    @POST
    @Path("/secrets")
    public Uni<RestResponse<SecretView>> issue(@PathParam("appId") String appId,
            @QueryParam("overlapSeconds") @DefaultValue("86400") @Min(0) @Max(2_592_000) long overlapSeconds) {
        return service.issue(appId, Duration.ofSeconds(overlapSeconds))
                .map((AppIdentitySecret s) -> RestResponse.ResponseBuilder
                        .<SecretView>created(URI.create("/v1/apps/" + appId + "/identity-verification/secrets/" + s.id))
                        .entity(new SecretView(s.id, s.createdAt, s.expiresAt, s.secret))
                        .build());
    }

    /** Turns verification off. */
    @DELETE
    public Uni<RestResponse<Void>> disable(@PathParam("appId") String appId) {
        return service.disable(appId).map(ignored -> RestResponse.noContent());
    }
}
