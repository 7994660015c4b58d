package dev.marquee.delivery.message.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.delivery.decision.rest.UserContextParameters;
import dev.marquee.delivery.message.service.MessageSync;
import dev.marquee.delivery.message.service.SdkMessagesResponse;
import io.smallrye.mutiny.Uni;

/** The SDK API. The gateway authenticates the SDK key and names the app in {@code X-Marquee-App-Id}. */
@Path("/v1/sdk")
@Produces(MediaType.APPLICATION_JSON)
public class SdkMessageResource {

    private final MessageSync sync;

    public SdkMessageResource(MessageSync sync) {
        this.sync = sync;
    }

    /**
     * The messages this user is eligible for now (targeting, segments, caps as they stand, without reserving
     * anything), with their triggers, so that the SDK can show them when their trigger fires, even offline.
     */
    @GET
    @Path("/messages")
    @APIResponse(responseCode = "200", description = "The eligible messages; `ETag` for `If-None-Match` (304)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SdkMessagesResponse.class)))
    public Uni<RestResponse<byte[]>> messages(
            @HeaderParam(AssertedRequest.APP_ID_HEADER) @NotBlank(message = "is set by the gateway; call through it") String appId,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @QueryParam("userId") @NotBlank(message = "is required") @Size(max = 256) String userId,
            @QueryParam("locale") @Size(max = 35) String locale,
            @QueryParam("sessionId") @Size(max = 128) String sessionId,
            @QueryParam("platform") @Size(max = 20) String platform,
            @QueryParam("appVersion") @Size(max = 64) String appVersion,
            @QueryParam("timeZone") @Size(max = 64) String timeZone) {
        var user = UserContextParameters.of(userId, sessionId, platform, appVersion, locale, timeZone);
        return sync.eligible(appId, user, Instant.now()).map(synced -> {
            if (ifNoneMatch != null && matches(ifNoneMatch, synced.etag())) {
                return RestResponse.ResponseBuilder.<byte[]>notModified().header("ETag", synced.etag()).build();
            }
            return RestResponse.ResponseBuilder.ok(synced.body()).header("ETag", synced.etag()).build();
        });
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
                return true;
            }
        }
        return false;
    }
}
