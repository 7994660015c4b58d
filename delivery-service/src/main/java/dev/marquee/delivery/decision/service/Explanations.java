package dev.marquee.delivery.decision.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.smallrye.mutiny.Uni;

/**
 * Why a user sees what they see: the same decision as the SDK's for this user and trigger, nothing reserved; every
 * active campaign of the app with {@code shown} or the first reason it is not.
 */
@ApplicationScoped
public class Explanations {

    /** @param trigger the trigger as the caller named it, or null */
    public record Explanation(String userId, String trigger, boolean degraded, List<Decision.Verdict> campaigns) {
    }

    private final DecisionService decisions;

    public Explanations(DecisionService decisions) {
        this.decisions = decisions;
    }

    /** @param events the trigger fired, or null to judge every campaign whatever its trigger */
    public Uni<Explanation> explain(String appId, UserContext user, String trigger, List<TriggerEvent> events,
            Instant now) {
        return decisions.decide(appId, user, events, now, DecisionService.Mode.LOOK)
                .map(decision -> new Explanation(user.userId(), trigger, decision.degraded(), decision.verdicts()));
    }
}
