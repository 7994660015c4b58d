package dev.marquee.sdk.trigger;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/** contracts {@code Trigger}: what shows a synced message, after {@code delaySeconds}. */
public final class Trigger {
    private final String type;
    private final String name;
    private final List<PropertyFilter> filters;
    private final int delaySeconds;

    public Trigger(String type, String name, List<PropertyFilter> filters, int delaySeconds) {
        this.type = type;
        this.name = name;
        this.filters = filters == null ? Collections.emptyList() : filters;
        this.delaySeconds = delaySeconds;
    }

    public int delaySeconds() {
        return delaySeconds;
    }

    public boolean matches(String firedType, String firedName, Map<String, Object> properties) {
        return TriggerMatcher.matches(type, name, filters, firedType, firedName, properties);
    }

    /** The trigger type an SDK event fires ({@code screen_view} → SCREEN_VIEW), null for attributes and identify. */
    public static String firedBy(String eventType) {
        switch (eventType) {
            case "session_start" :
                return "SESSION_START";
            case "app_open" :
                return "APP_OPEN";
            case "purchase" :
                return "PURCHASE";
            case "screen_view" :
                return "SCREEN_VIEW";
            case "track" :
                return "CUSTOM_EVENT";
            default :
                return null;
        }
    }
}
