package dev.marquee.delivery.message.rest;

import java.time.Instant;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.marquee.delivery.campaign.service.CampaignIndex;

/** The SDK API. The gateway authenticates the SDK key and names the app in {@code X-Marquee-App-Id}. */
@Path("/v1/sdk")
@Produces(MediaType.APPLICATION_JSON)
public class SdkMessageResource {

    public static final String APP_HEADER = "X-Marquee-App-Id";

    private final CampaignIndex index;

    public SdkMessageResource(CampaignIndex index) {
        this.index = index;
    }

    /** The messages this user is eligible for now, so that the SDK can show them when their trigger fires. */
    @GET
    @Path("/messages")
    public SdkMessagesResponse messages(
            @HeaderParam(APP_HEADER) @NotBlank(message = "is set by the gateway; call through it") String appId,
            @QueryParam("userId") @NotBlank(message = "is required") @Size(max = 256) String userId,
            @QueryParam("locale") @Size(max = 35) String locale) {
        // profiles (for personalization) live in segment-service's Redis; until delivery reads them, the templates'
        // defaults fill the placeholders
        return new SdkMessagesResponse(userId, index.active(appId, Instant.now()).stream()
                .flatMap(campaign -> SdkMessage.of(campaign, userId, locale, Map.of()).stream())
                .toList());
    }
}
