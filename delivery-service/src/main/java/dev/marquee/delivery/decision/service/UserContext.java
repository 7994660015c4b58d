package dev.marquee.delivery.decision.service;

import java.time.ZoneId;

import dev.marquee.contracts.campaign.Targeting.Platform;

/**
 * Who asks and from where: what the SDK reports about the device. Only {@code userId} is required; a missing
 * platform, version or locale does not match a campaign restricted on it, a missing time zone means UTC.
 */
public record UserContext(String userId, String sessionId, Platform platform, String appVersion, String locale,
        ZoneId timeZone) {

    public static UserContext of(String userId) {
        return new UserContext(userId, null, null, null, null, null);
    }
}
