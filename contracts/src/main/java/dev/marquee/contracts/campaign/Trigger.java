package dev.marquee.contracts.campaign;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What makes a campaign show: one of the user's actions, or the server.
 *
 * @param name the screen name ({@link Type#SCREEN_VIEW}) or the event name ({@link Type#CUSTOM_EVENT})
 * @param segmentId the segment entered ({@link Type#SEGMENT_ENTERED})
 * @param filters conditions on the event's properties, all of which must hold (custom events and purchases)
 * @param delaySeconds wait this long after the trigger before showing (0: at once)
 */
@Schema(example = "{\"type\": \"SCREEN_VIEW\", \"name\": \"checkout\", \"filters\": [], \"delaySeconds\": 2}")
public record Trigger(Type type, String name, String segmentId, List<PropertyFilter> filters, int delaySeconds) {

    public enum Type {
        SESSION_START, APP_OPEN, SCREEN_VIEW, CUSTOM_EVENT, PURCHASE, SEGMENT_ENTERED,
        /** Shown only when the app's backend asks for it (transactional: payment failed, outage). */
        API
    }
}
