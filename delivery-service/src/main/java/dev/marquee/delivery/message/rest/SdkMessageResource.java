package dev.marquee.delivery.message.rest;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Targeting.Platform;
import dev.marquee.delivery.app.service.WorkspaceSettingsIndex;
import dev.marquee.delivery.campaign.service.CampaignIndex;
import dev.marquee.delivery.decision.service.DecisionService;
import dev.marquee.delivery.decision.service.UserContext;
import dev.marquee.delivery.rest.InvalidFieldsException;
import dev.marquee.delivery.rest.Problem;
import io.smallrye.mutiny.Uni;

/** The SDK API. The gateway authenticates the SDK key and names the app in {@code X-Marquee-App-Id}. */
@Path("/v1/sdk")
@Produces(MediaType.APPLICATION_JSON)
public class SdkMessageResource {

    public static final String APP_HEADER = "X-Marquee-App-Id";

    private final CampaignIndex index;
    private final DecisionService decisions;
    private final ObjectMapper json;
    private final WorkspaceSettingsIndex workspaces;

    public SdkMessageResource(CampaignIndex index, DecisionService decisions, ObjectMapper json,
            WorkspaceSettingsIndex workspaces) {
        this.index = index;
        this.workspaces = workspaces;
        this.decisions = decisions;
        this.json = json;
    }

    /**
     * The messages this user is eligible for now (targeting, segments, caps as they stand, without reserving
     * anything), with their triggers, so that the SDK can show them when their trigger fires, even offline.
     */
    @GET
    @Path("/messages")
    @APIResponse(responseCode = "200", description = "The eligible messages; `ETag` for `If-None-Match` (304)", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SdkMessagesResponse.class)))
    public Uni<RestResponse<byte[]>> messages(
            @HeaderParam(APP_HEADER) @NotBlank(message = "is set by the gateway; call through it") String appId,
            @HeaderParam("If-None-Match") String ifNoneMatch,
            @QueryParam("userId") @NotBlank(message = "is required") @Size(max = 256) String userId,
            @QueryParam("locale") @Size(max = 35) String locale,
            @QueryParam("sessionId") @Size(max = 128) String sessionId,
            @QueryParam("platform") @Size(max = 20) String platform,
            @QueryParam("appVersion") @Size(max = 64) String appVersion,
            @QueryParam("timeZone") @Size(max = 64) String timeZone) {
        UserContext user = context(userId, sessionId, platform, appVersion, locale, timeZone);
        return decisions.decide(appId, user, null, Instant.now(), DecisionService.Mode.LOOK).map(decision -> {
            Set<String> eligible = Set.copyOf(decision.eligibleIds());
            List<SdkMessage> messages = index.all(appId).stream()
                    .filter(campaign -> eligible.contains(campaign.id()))
                    .flatMap((CampaignSnapshot campaign) -> SdkMessage.of(campaign, userId, locale, decision.profile())
                            .stream())
                    .toList();
            // serialized here, once: the ETag is the digest of exactly these bytes, and they are the body
            byte[] body = serialized(new SdkMessagesResponse(userId, messages, decision.degraded(),
                    workspaces.of(appId).linkSchemes()));
            String etag = etag(body);
            if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
                return RestResponse.ResponseBuilder.<byte[]>notModified().header("ETag", etag).build();
            }
            return RestResponse.ResponseBuilder.ok(body).header("ETag", etag).build();
        });
    }

    private byte[] serialized(SdkMessagesResponse response) {
        try {
            return json.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer is always serializable", e);
        }
    }

    /** A strong validator of exactly what the SDK gets: the digest of the answer's JSON. */
    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
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

    /** The device context the SDK reports with every request; invalid values name their query parameter. */
    public static UserContext context(String userId, String sessionId, String platform, String appVersion,
            String locale, String timeZone) {
        Platform parsedPlatform = null;
        if (platform != null && !platform.isBlank()) {
            try {
                parsedPlatform = Platform.valueOf(platform.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldsException("The request has invalid fields.",
                        List.of(new Problem.FieldError("platform", "must be one of [ios, android, web]")));
            }
        }
        ZoneId zone = null;
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                zone = ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new InvalidFieldsException("The request has invalid fields.",
                        List.of(new Problem.FieldError("timeZone", "must be an IANA time zone such as Europe/Paris")));
            }
        }
        return new UserContext(userId, sessionId, parsedPlatform, appVersion, locale, zone);
    }
}
