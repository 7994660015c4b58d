package dev.marquee.delivery.outcome.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.delivery.outcome.service.SdkInteractions;
import dev.marquee.delivery.rest.VerifiedUser;
import io.smallrye.mutiny.Uni;

/** What the user did with the messages shown: published to {@code delivery.outcomes.v1} once per event id. */
@Path("/v1/sdk/interactions")
@Produces(MediaType.APPLICATION_JSON)
public class SdkInteractionResource {

    /** Each interaction's status, in request order: accepted, duplicate (published before) or rejected. */
    public record InteractionsResponse(List<SdkInteractions.Result> results) {
    }

    private final SdkInteractions interactions;

    public SdkInteractionResource(SdkInteractions interactions) {
        this.interactions = interactions;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<InteractionsResponse> record(
            @HeaderParam(AssertedRequest.APP_ID_HEADER) @NotBlank(message = "is set by the gateway; call through it") String appId,
            @HeaderParam(VerifiedUser.HEADER) String verifiedUser,
            JsonNode body) {
        VerifiedUser.require(verifiedUser, body);
        return interactions.record(appId, body).map(InteractionsResponse::new);
    }
}
