package dev.marquee.contracts.campaign;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What counts as a conversion: one of up to 4 events, done within {@code windowDays} after an impression.
 */
@Schema(example = "{\"events\": [{\"name\": \"purchase\", \"filters\": []}], \"windowDays\": 3}")
public record Goals(List<GoalEvent> events, int windowDays) {

    public static final int DEFAULT_WINDOW_DAYS = 3;

    @Schema(example = "{\"name\": \"purchase\", \"filters\": [{\"property\": \"amount\", \"operator\": \"GT\", \"values\": [0]}]}")
    public record GoalEvent(String name, List<PropertyFilter> filters) {
    }
}
