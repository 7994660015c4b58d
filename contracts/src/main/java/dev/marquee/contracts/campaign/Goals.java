package dev.marquee.contracts.campaign;

import java.util.List;

/**
 * What counts as a conversion: one of up to 4 events, done within {@code windowDays} after an impression.
 */
public record Goals(List<GoalEvent> events, int windowDays) {

    public static final int DEFAULT_WINDOW_DAYS = 3;

    public record GoalEvent(String name, List<PropertyFilter> filters) {
    }
}
