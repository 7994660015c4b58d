package dev.marquee.campaign.app.rest;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import dev.marquee.campaign.app.service.KeyService;
import io.smallrye.mutiny.Uni;

/**
 * An app's SDK keys and admin tokens. A secret is shown once, in the answer that issued it; only its SHA-256 is kept.
 * The gateway lets admin tokens with the {@code ADMIN} role (and the operator) through to here.
 */
@Path("/v1/apps/{appId}/keys")
@Produces(MediaType.APPLICATION_JSON)
public class KeyResource {

    private final KeyService service;

    public KeyResource(KeyService service) {
        this.service = service;
    }

    /** Every live credential, rotated ones still in their overlap included (with their {@code expiresAt}). */
    @GET
    public Uni<List<KeyView>> list(@PathParam("appId") String appId) {
        return service.list(appId).map(keys -> keys.stream().map(KeyView::of).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<KeyView>> issue(@PathParam("appId") String appId,
            @NotNull(message = "a key body is required") @Valid KeyRequest request) {
        return service.issue(appId, request.toSpec()).map(issued -> created(appId, issued));
    }

    /**
     * Issues a successor with the same kind, name, role, scopes and bindings; the old credential stays valid for
     * {@code overlapSeconds} (default one day, {@code 0}: revoked now).
     */
    @POST
    @Path("/{keyId}/rotate")
    public Uni<RestResponse<KeyView>> rotate(@PathParam("appId") String appId, @PathParam("keyId") String keyId,
            @QueryParam("overlapSeconds") @DefaultValue("86400") @Min(0) @Max(2_592_000) long overlapSeconds) {
        return service.rotate(appId, keyId, Duration.ofSeconds(overlapSeconds)).map(issued -> created(appId, issued));
    }

    @DELETE
    @Path("/{keyId}")
    public Uni<RestResponse<Void>> revoke(@PathParam("appId") String appId, @PathParam("keyId") String keyId) {
        return service.revoke(appId, keyId).map(ignored -> RestResponse.noContent());
    }

    private static RestResponse<KeyView> created(String appId, KeyService.Issued issued) {
        return RestResponse.ResponseBuilder
                .<KeyView>created(URI.create("/v1/apps/" + appId + "/keys/" + issued.credential().id))
                .entity(KeyView.issued(issued.credential(), issued.secret()))
                .build();
    }
}
