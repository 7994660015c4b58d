package dev.marquee.segment.user.rest;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.segment.error.FieldProblem;
import dev.marquee.segment.error.InvalidFields;
import dev.marquee.segment.event.service.EventIngestion;
import dev.marquee.segment.profile.service.ProfileService;
import dev.marquee.segment.rest.PathIds;
import dev.marquee.segment.user.service.UserErasure;
import io.smallrye.mutiny.Uni;

/**
 * A user's profile: read, attribute update, erasure. The gateway authenticated the caller for {@code appId}; this
 * service trusts the path's app id.
 */
@Path("/v1/apps/{appId}/users/{userId}")
public class UserResource {

    /** The attribute update was published as an {@code ATTRIBUTES} event and applies in order with the user's events. */
    public record UpdateAccepted(String eventId) {
    }

    private final ProfileService profiles;
    private final EventIngestion ingestion;
    private final UserErasure erasure;

    public UserResource(ProfileService profiles, EventIngestion ingestion, UserErasure erasure) {
        this.profiles = profiles;
        this.ingestion = ingestion;
        this.erasure = erasure;
    }

    @GET
    public Uni<ProfileResponse> get(@PathParam("appId") String appId, @PathParam("userId") String userId) {
        return profiles.read(appId, userId).map(ProfileResponse::of);
    }

    /** Body: {@code {"attributes": {"tier": "gold", "nickname": null}}} ({@code null} removes an attribute). */
    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<UpdateAccepted>> update(
            @PathParam("appId") @Pattern(regexp = PathIds.APP_ID, message = PathIds.APP_ID_MESSAGE) String appId,
            @PathParam("userId") @Pattern(regexp = PathIds.USER_ID, message = PathIds.USER_ID_MESSAGE) String userId,
            JsonNode body) {
        if (body == null || !body.isObject() || !body.has("attributes") || body.size() != 1) {
            throw new InvalidFields("The body must be {\"attributes\": {…}}.",
                    List.of(new FieldProblem("attributes", "is required and is the only field")));
        }
        return ingestion.updateAttributes(appId, userId, body.get("attributes"), UUID.randomUUID().toString())
                .map(event -> RestResponse.accepted(new UpdateAccepted(event.eventId())));
    }

    @DELETE
    public Uni<RestResponse<Void>> erase(@PathParam("appId") String appId, @PathParam("userId") String userId) {
        return erasure.erase(appId, userId).map(done -> RestResponse.noContent());
    }
}
