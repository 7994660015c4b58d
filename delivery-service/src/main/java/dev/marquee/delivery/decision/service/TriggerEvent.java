package dev.marquee.delivery.decision.service;

import java.util.Map;

import dev.marquee.contracts.campaign.Trigger;

/**
 * What happened, as a campaign trigger sees it: its type, its name (screen, event, or the segment entered) and
 * properties.
 */
public record TriggerEvent(Trigger.Type type, String name, Map<String, Object> properties) {

    public boolean matches(Trigger trigger) {
        if (trigger.type() != type) {
            return false;
        }
        if (type == Trigger.Type.SEGMENT_ENTERED) {
            return name.equals(trigger.segmentId());
        }
        if ((type == Trigger.Type.SCREEN_VIEW || type == Trigger.Type.CUSTOM_EVENT) && !trigger.name().equals(name)) {
            return false;
        }
        return PropertyFilters.match(trigger.filters(), properties);
    }
}
