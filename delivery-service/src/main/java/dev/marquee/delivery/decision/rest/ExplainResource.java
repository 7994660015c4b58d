package dev.marquee.delivery.decision.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.marquee.delivery.decision.service.Explanations;
import dev.marquee.delivery.decision.service.UserContext;
import io.smallrye.mutiny.Uni;

/**
 * Management API: why a user sees what they see. The same decision as the SDK's, without reserving anything; every
 * active campaign of the app with {@code shown} or the first reason it is not. The gateway authorizes the caller for
 * {@code appId}; another app's campaigns are never listed.
 */
@Path("/v1/apps/{appId}/users/{userId}/explain")
@Produces(MediaType.APPLICATION_JSON)
public class ExplainResource {

    private final Explanations explanations;

    public ExplainResource(Explanations explanations) {
        this.explanations = explanations;
    }

    /**
     * @param trigger {@code SESSION_START}, {@code APP_OPEN}, {@code PURCHASE}, {@code SCREEN_VIEW:<screen>} or
     *        {@code CUSTOM_EVENT:<event>}; without it every campaign is judged whatever its trigger
     */
    @GET
    public Uni<Explanations.Explanation> explain(
            @PathParam("appId") @NotBlank @Size(max = 128) String appId,
            @PathParam("userId") @NotBlank @Size(max = 256) String userId,
            @QueryParam("trigger") @Size(max = 200) String trigger,
            @QueryParam("sessionId") @Size(max = 128) String sessionId,
            @QueryParam("platform") @Size(max = 20) String platform,
            @QueryParam("appVersion") @Size(max = 64) String appVersion,
            @QueryParam("locale") @Size(max = 35) String locale,
            @QueryParam("timeZone") @Size(max = 64) String timeZone) {
        UserContext user = UserContextParameters.of(userId, sessionId, platform, appVersion, locale, timeZone);
        return explanations.explain(appId, user, trigger, TriggerParameter.events(trigger), Instant.now());
    }
}
