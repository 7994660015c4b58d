package dev.marquee.delivery.inbox.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.delivery.decision.rest.UserContextParameters;
import dev.marquee.delivery.inbox.service.InboxService;
import io.smallrye.mutiny.Uni;

/** The SDK's inbox of cards: list, mark read, archive. */
@Path("/v1/sdk/inbox")
@Produces(MediaType.APPLICATION_JSON)
public class SdkInboxResource {

    public record InboxResponse(String userId, List<InboxService.InboxCard> cards) {
    }

    private final InboxService inbox;

    public SdkInboxResource(InboxService inbox) {
        this.inbox = inbox;
    }

    @GET
    public Uni<InboxResponse> list(
            @HeaderParam(AssertedRequest.APP_ID_HEADER) @NotBlank(message = "is set by the gateway; call through it") String appId,
            @QueryParam("userId") @NotBlank(message = "is required") @Size(max = 256) String userId,
            @QueryParam("locale") @Size(max = 35) String locale,
            @QueryParam("platform") @Size(max = 20) String platform,
            @QueryParam("appVersion") @Size(max = 64) String appVersion,
            @QueryParam("timeZone") @Size(max = 64) String timeZone) {
        return inbox.inbox(appId, UserContextParameters.of(userId, null, platform, appVersion, locale, timeZone))
                .map(cards -> new InboxResponse(userId, cards));
    }

    /** 204; 404 when the user has no such card. */
    @POST
    @Path("/{campaignId}/read")
    public Uni<RestResponse<Void>> read(
            @HeaderParam(AssertedRequest.APP_ID_HEADER) @NotBlank(message = "is set by the gateway; call through it") String appId,
            @PathParam("campaignId") @Size(max = 128) String campaignId,
            @QueryParam("userId") @NotBlank(message = "is required") @Size(max = 256) String userId) {
        return mark(appId, userId, campaignId, "read");
    }

    /** 204: the card leaves the inbox for good; 404 when the user has no such card. */
    @POST
    @Path("/{campaignId}/archive")
    public Uni<RestResponse<Void>> archive(
            @HeaderParam(AssertedRequest.APP_ID_HEADER) @NotBlank(message = "is set by the gateway; call through it") String appId,
            @PathParam("campaignId") @Size(max = 128) String campaignId,
            @QueryParam("userId") @NotBlank(message = "is required") @Size(max = 256) String userId) {
        return mark(appId, userId, campaignId, "archived");
    }

    private Uni<RestResponse<Void>> mark(String appId, String userId, String campaignId, String mark) {
        return inbox.mark(appId, userId, campaignId, mark).map(found -> {
            if (!found) {
                throw new NotFoundException("The user has no card of campaign " + campaignId + ".");
            }
            return RestResponse.noContent();
        });
    }
}
