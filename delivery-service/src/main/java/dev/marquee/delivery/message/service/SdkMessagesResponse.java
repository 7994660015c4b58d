package dev.marquee.delivery.message.service;

import java.util.List;

/**
 * @param degraded Redis was unreachable: segment-targeted messages are left out and caps were not checked
 * @param linkSchemes the app's own deep-link schemes (settings {@code linkSchemes}, e.g. {@code ["demoshop"]}): the
 *        SDK opens a deep link only with one of them, and pages only over https (the shared LinkPolicy)
 */
public record SdkMessagesResponse(String userId, List<SdkMessage> messages, boolean degraded,
        List<String> linkSchemes) {
}
