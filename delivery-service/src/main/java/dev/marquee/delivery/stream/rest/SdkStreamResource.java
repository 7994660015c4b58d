package dev.marquee.delivery.stream.rest;

import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.stream.service.StreamHub;
import io.smallrye.mutiny.Multi;

/**
 * {@code GET /v1/sdk/stream}: Server-Sent Events for one user. {@code message} events carry server-triggered messages
 * (id = the user's outbox sequence; send {@code Last-Event-ID} to resume), {@code resync} asks the SDK to sync its
 * eligible messages again, and {@code heartbeat} events keep the connection alive.
 */
@Path("/v1/sdk/stream")
public class SdkStreamResource {

    private final StreamHub hub;
    private final Duration heartbeat;

    public SdkStreamResource(StreamHub hub, DeliveryConfig config) {
        this.hub = hub;
        this.heartbeat = config.stream().heartbeat();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(
            @HeaderParam(AssertedRequest.APP_ID_HEADER) @NotBlank(message = "is set by the gateway; call through it") String appId,
            @QueryParam("userId") @NotBlank(message = "is required") @Size(max = 256) String userId,
            @QueryParam("locale") @Size(max = 35) String locale,
            @HeaderParam("Last-Event-ID") @Size(max = 20) String lastEventId,
            @Context Sse sse) {
        long after = parse(lastEventId);
        Multi<OutboundSseEvent> events = hub.connect(appId, userId, locale, after).map(e -> {
            // data is JSON text already; no media type, so no content-type field precedes each event
            OutboundSseEvent.Builder builder = sse.newEventBuilder().name(e.name()).data(e.data());
            if (e.id() != null) {
                builder.id(Long.toString(e.id()));
            }
            return builder.build();
        });
        Multi<OutboundSseEvent> heartbeats = Multi.createFrom().ticks().every(heartbeat)
                .map(tick -> sse.newEventBuilder().name("heartbeat").data("{}").build());
        return Multi.createBy().merging().streams(events, heartbeats);
    }

    private static long parse(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(lastEventId.trim()));
        } catch (NumberFormatException e) {
            // not one of our ids: replay everything still kept rather than refuse the stream
            return 0;
        }
    }
}
