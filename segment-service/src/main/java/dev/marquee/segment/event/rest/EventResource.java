package dev.marquee.segment.event.rest;

import java.util.List;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.segment.event.service.EventIngestion;
import dev.marquee.segment.rest.PathIds;
import dev.marquee.segment.rest.Problem;
import dev.marquee.segment.rest.Problem.FieldError;
import io.smallrye.mutiny.Uni;

/**
 * Server-side ingestion for an app's backends. The gateway authenticated the caller for {@code appId}; this service
 * trusts the path's app id.
 */
@Path("/v1/apps/{appId}/events")
public class EventResource {

    /** 202: every valid event is published; each event's outcome, in request order. */
    public record IngestResponse(int accepted, int rejected, List<EventResult> results) {
    }

    /** The outcome of one event: {@code accepted}, or {@code rejected} with its fields. */
    public record EventResult(int index, String eventId, String status, List<FieldError> errors) {

        static EventResult of(EventIngestion.Result result) {
            return new EventResult(result.index(), result.eventId(), result.status(),
                    Problem.fieldErrors(result.errors()));
        }
    }

    private final EventIngestion ingestion;

    public EventResource(EventIngestion ingestion) {
        this.ingestion = ingestion;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<IngestResponse>> ingest(
            @PathParam("appId") @Pattern(regexp = PathIds.APP_ID, message = PathIds.APP_ID_MESSAGE) String appId,
            JsonNode body) {
        return ingestion.ingest(appId, body).map(results -> {
            int accepted = (int) results.stream().filter(r -> r.status().equals("accepted")).count();
            return RestResponse.status(RestResponse.Status.ACCEPTED,
                    new IngestResponse(accepted, results.size() - accepted,
                            results.stream().map(EventResult::of).toList()));
        });
    }
}
