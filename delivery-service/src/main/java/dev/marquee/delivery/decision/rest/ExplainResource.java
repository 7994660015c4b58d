package dev.marquee.delivery.decision.rest;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.delivery.decision.service.Decision;
import dev.marquee.delivery.decision.service.DecisionService;
import dev.marquee.delivery.decision.service.TriggerEvent;
import dev.marquee.delivery.decision.service.UserContext;
import dev.marquee.delivery.domain.FieldViolation;
import dev.marquee.delivery.domain.InvalidFieldsException;
import io.smallrye.mutiny.Uni;

/**
 * Management API: why a user sees what they see. The same decision as the SDK's, without reserving anything; every
 * active campaign of the app with {@code shown} or the first reason it is not. The gateway authorizes the caller for
 * {@code appId}; another app's campaigns are never listed.
 */
@Path("/v1/apps/{appId}/users/{userId}/explain")
@Produces(MediaType.APPLICATION_JSON)
public class ExplainResource {

    public record Explanation(String userId, String trigger, boolean degraded, List<Decision.Verdict> campaigns) {
    }

    private final DecisionService decisions;

    public ExplainResource(DecisionService decisions) {
        this.decisions = decisions;
    }

    /**
     * @param trigger {@code SESSION_START}, {@code APP_OPEN}, {@code PURCHASE}, {@code SCREEN_VIEW:<screen>} or
     *        {@code CUSTOM_EVENT:<event>}; without it every campaign is judged whatever its trigger
     */
    @GET
    public Uni<Explanation> explain(
            @PathParam("appId") @NotBlank @Size(max = 128) String appId,
            @PathParam("userId") @NotBlank @Size(max = 256) String userId,
            @QueryParam("trigger") @Size(max = 200) String trigger,
            @QueryParam("sessionId") @Size(max = 128) String sessionId,
            @QueryParam("platform") @Size(max = 20) String platform,
            @QueryParam("appVersion") @Size(max = 64) String appVersion,
            @QueryParam("locale") @Size(max = 35) String locale,
            @QueryParam("timeZone") @Size(max = 64) String timeZone) {
        UserContext user = UserContextParameters.of(userId, sessionId, platform, appVersion, locale, timeZone);
        return explanation(decisions, appId, user, trigger);
    }

    /** The same decision as the SDK's for this user and trigger, nothing reserved; every campaign's verdict. */
    static Uni<Explanation> explanation(DecisionService decisions, String appId, UserContext user, String trigger) {
        List<TriggerEvent> events = trigger == null || trigger.isBlank() ? null : List.of(parse(trigger));
        return decisions.decide(appId, user, events, Instant.now(), DecisionService.Mode.LOOK)
                .map(decision -> new Explanation(user.userId(), trigger, decision.degraded(), decision.verdicts()));
    }

    private static TriggerEvent parse(String trigger) {
        int colon = trigger.indexOf(':');
        String typeName = (colon < 0 ? trigger : trigger.substring(0, colon)).trim().toUpperCase(Locale.ROOT);
        try {
            Trigger.Type type = Trigger.Type.valueOf(typeName);
            return new TriggerEvent(type, colon < 0 ? null : trigger.substring(colon + 1), Map.of());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException("The request has invalid fields.", List.of(new FieldViolation(
                    "trigger", "must be one of " + List.of(Trigger.Type.values()) + ", with :<name> for SCREEN_VIEW "
                            + "and CUSTOM_EVENT")));
        }
    }
}
