package dev.marquee.delivery.message.rest;

import java.util.List;

/** @param degraded Redis was unreachable: segment-targeted messages are left out and caps were not checked */
public record SdkMessagesResponse(String userId, List<SdkMessage> messages, boolean degraded) {
}
