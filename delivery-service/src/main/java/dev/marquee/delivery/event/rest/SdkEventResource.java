package dev.marquee.delivery.event.rest;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.event.service.EventBatch;
import dev.marquee.delivery.event.service.EventResult;
import dev.marquee.delivery.event.service.SdkTracking;
import dev.marquee.delivery.message.service.Display;
import dev.marquee.delivery.rest.VerifiedUser;
import io.smallrye.mutiny.Uni;

/** SDK tracking: a batch of one user's events; the answer says which were accepted and what to display now. */
@Path("/v1/sdk/events")
@Produces(MediaType.APPLICATION_JSON)
public class SdkEventResource {

    /**
     * @param display the message to show for the batch's triggers; absent when none (or the control group)
     * @param degraded Redis was unreachable: segment-targeted messages were not considered and caps not applied
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EventsResponse(int accepted, int rejected, List<EventResult> results, Display display,
            boolean degraded) {
    }

    private final SdkTracking tracking;
    private final SdkEventReader reader;

    public SdkEventResource(SdkTracking tracking, ObjectMapper json, DeliveryConfig config) {
        this.tracking = tracking;
        this.reader = new SdkEventReader(json, config.maxFutureSkew());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<EventsResponse> track(
            @HeaderParam(AssertedRequest.APP_ID_HEADER) @NotBlank(message = "is set by the gateway; call through it") String appId,
            @HeaderParam(VerifiedUser.HEADER) String verifiedUser,
            JsonNode body) {
        VerifiedUser.require(verifiedUser, body);
        Instant now = Instant.now();
        EventBatch batch = reader.read(appId, body, now);
        return tracking.track(appId, batch, now).map(tracked -> new EventsResponse(tracked.batch().accepted().size(),
                tracked.batch().results().size() - tracked.batch().accepted().size(), tracked.batch().results(),
                tracked.display().orElse(null), tracked.degraded()));
    }
}
