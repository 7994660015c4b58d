package dev.marquee.campaign.app.rest;

import java.net.URI;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import dev.marquee.campaign.app.service.AppService;
import io.smallrye.mutiny.Uni;

/** Apps (workspaces). Creating and listing them is for the operator; the gateway lets only the operator token through. */
@Path("/v1/apps")
@Produces(MediaType.APPLICATION_JSON)
public class AppResource {

    private final AppService service;

    public AppResource(AppService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<AppResponse>> create(@NotNull(message = "an app body is required") @Valid AppRequest request) {
        return service.create(request.name()).map(app -> RestResponse.ResponseBuilder
                .<AppResponse>created(URI.create("/v1/apps/" + app.app().id))
                .entity(AppResponse.of(app))
                .build());
    }

    @GET
    public Uni<List<AppResponse>> list() {
        return service.list().map(apps -> apps.stream().map(AppResponse::summary).toList());
    }

    @GET
    @Path("/{appId}")
    public Uni<AppResponse> get(@PathParam("appId") String appId) {
        return service.get(appId).map(AppResponse::of);
    }
}
