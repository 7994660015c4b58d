package dev.marquee.delivery.message.rest;

import java.util.List;

public record SdkMessagesResponse(String userId, List<SdkMessage> messages) {
}
