package dev.marquee.delivery.decision.rest;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.delivery.decision.service.TriggerEvent;
import dev.marquee.delivery.error.FieldProblem;
import dev.marquee.delivery.error.InvalidFields;

/** The explain APIs' {@code trigger} query parameter: {@code SCREEN_VIEW:<screen>}, {@code CUSTOM_EVENT:<event>}, … */
final class TriggerParameter {

    private TriggerParameter() {
    }

    /** Null (every campaign is judged) when absent. */
    static List<TriggerEvent> events(String trigger) {
        return trigger == null || trigger.isBlank() ? null : List.of(parse(trigger));
    }

    private static TriggerEvent parse(String trigger) {
        int colon = trigger.indexOf(':');
        String typeName = (colon < 0 ? trigger : trigger.substring(0, colon)).trim().toUpperCase(Locale.ROOT);
        try {
            Trigger.Type type = Trigger.Type.valueOf(typeName);
            return new TriggerEvent(type, colon < 0 ? null : trigger.substring(colon + 1), Map.of());
        } catch (IllegalArgumentException e) {
            throw new InvalidFields("The request has invalid fields.", List.of(new FieldProblem(
                    "trigger", "must be one of " + List.of(Trigger.Type.values()) + ", with :<name> for SCREEN_VIEW "
                            + "and CUSTOM_EVENT")));
        }
    }
}
