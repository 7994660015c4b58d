package dev.marquee.delivery.stream.rest;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestResponse;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.delivery.stream.service.MessageSends;
import io.smallrye.mutiny.Uni;

/** Management API: show a campaign or an inline message to given users now (the gateway authorized the caller). */
@Path("/v1/apps/{appId}/messages/send")
@Produces(MediaType.APPLICATION_JSON)
public class MessageSendResource {

    public record SendResponse(List<MessageSends.Sent> results) {
    }

    private final MessageSends sends;

    public MessageSendResource(MessageSends sends) {
        this.sends = sends;
    }

    /** 202: each user's message is stored and announced; the stream delivers it now or at the next connection. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<RestResponse<SendResponse>> send(@PathParam("appId") @NotBlank @Size(max = 128) String appId,
            JsonNode body) {
        return sends.send(appId, body)
                .map(results -> RestResponse.status(RestResponse.Status.ACCEPTED, new SendResponse(results)));
    }
}
