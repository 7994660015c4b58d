package dev.marquee.campaign.app.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import dev.marquee.campaign.app.service.AppService;
import io.smallrye.mutiny.Uni;

/**
 * The workspace settings: messages per session and per day, the minimum gap between two, and the HTML opt-in.
 */
@Path("/v1/apps/{appId}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingsResource {

    private final AppService service;

    public SettingsResource(AppService service) {
        this.service = service;
    }

    @GET
    public Uni<SettingsResponse> get(@PathParam("appId") String appId) {
        return service.settings(appId).map(SettingsResponse::of);
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<SettingsResponse> update(@PathParam("appId") String appId,
            @NotNull(message = "a settings body is required") @Valid SettingsRequest request) {
        return service.updateSettings(appId, request.toContract(), request.html()).map(SettingsResponse::of);
    }
}
