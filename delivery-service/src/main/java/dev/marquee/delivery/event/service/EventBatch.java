package dev.marquee.delivery.event.service;

import java.util.List;

import dev.marquee.contracts.user.UserEvent;
import dev.marquee.delivery.decision.service.TriggerEvent;
import dev.marquee.delivery.decision.service.UserContext;

/**
 * A batch of one user's SDK events as read from the request: the valid part (what to publish and which triggers
 * fired) and every event's outcome, in request order.
 */
public record EventBatch(UserContext user, List<UserEvent> accepted, List<TriggerEvent> triggers,
        List<EventResult> results) {
}
