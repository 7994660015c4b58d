package dev.marquee.delivery.decision.rest;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.delivery.decision.service.Explanations;
import dev.marquee.delivery.decision.service.UserContext;
import io.smallrye.mutiny.Uni;

/**
 * The explain API for the SDK's debug mode: why each campaign of the app was or was not shown to this user for a
 * trigger. The gateway lets it through only for SDK keys with the {@code DEBUG} scope (development and test builds),
 * and, when the app verifies identities, only for the signed user.
 */
@Path("/v1/sdk/explain")
@Produces(MediaType.APPLICATION_JSON)
public class SdkExplainResource {

    private final Explanations explanations;

    public SdkExplainResource(Explanations explanations) {
        this.explanations = explanations;
    }

    /** @param trigger as for the management API's explain: {@code SCREEN_VIEW:<screen>}, {@code CUSTOM_EVENT:<event>}, … */
    @GET
    public Uni<Explanations.Explanation> explain(
            @HeaderParam(AssertedRequest.APP_ID_HEADER) @NotBlank(message = "is set by the gateway; call through it") String appId,
            @QueryParam("userId") @NotBlank(message = "is required") @Size(max = 256) String userId,
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
