package dev.marquee.campaign.campaign.rest;

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

import dev.marquee.campaign.campaign.service.CampaignService;
import io.smallrye.mutiny.Uni;

@Path("/v1/apps/{appId}/campaigns")
@Produces(MediaType.APPLICATION_JSON)
public class CampaignResource {

    private final CampaignService service;

    public CampaignResource(CampaignService service) {
        this.service = service;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<CampaignResponse>> create(@PathParam("appId") String appId,
            @NotNull(message = "a campaign body is required") @Valid CampaignRequest request) {
        return service.create(appId, request).map(campaign -> RestResponse.ResponseBuilder
                .<CampaignResponse>created(URI.create("/v1/apps/" + appId + "/campaigns/" + campaign.id))
                .entity(CampaignResponse.of(campaign))
                .build());
    }

    @GET
    public Uni<List<CampaignResponse>> list(@PathParam("appId") String appId) {
        return service.list(appId).map(campaigns -> campaigns.stream().map(CampaignResponse::of).toList());
    }

    @GET
    @Path("/{campaignId}")
    public Uni<CampaignResponse> get(@PathParam("appId") String appId, @PathParam("campaignId") String campaignId) {
        return service.get(appId, campaignId).map(CampaignResponse::of);
    }

    @POST
    @Path("/{campaignId}/activate")
    public Uni<CampaignResponse> activate(@PathParam("appId") String appId, @PathParam("campaignId") String campaignId) {
        return service.activate(appId, campaignId).map(CampaignResponse::of);
    }

    @POST
    @Path("/{campaignId}/pause")
    public Uni<CampaignResponse> pause(@PathParam("appId") String appId, @PathParam("campaignId") String campaignId) {
        return service.pause(appId, campaignId).map(CampaignResponse::of);
    }
}
