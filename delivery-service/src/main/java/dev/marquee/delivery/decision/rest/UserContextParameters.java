package dev.marquee.delivery.decision.rest;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import dev.marquee.contracts.campaign.Targeting.Platform;
import dev.marquee.delivery.decision.service.UserContext;
import dev.marquee.delivery.error.FieldProblem;
import dev.marquee.delivery.error.InvalidFields;

/** The device context the SDK reports in the query of every request, as the services take it. */
public final class UserContextParameters {

    private UserContextParameters() {
    }

    /** Invalid values name their query parameter. */
    public static UserContext of(String userId, String sessionId, String platform, String appVersion, String locale,
            String timeZone) {
        Platform parsedPlatform = null;
        if (platform != null && !platform.isBlank()) {
            try {
                parsedPlatform = Platform.valueOf(platform.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidFields("The request has invalid fields.",
                        List.of(new FieldProblem("platform", "must be one of [ios, android, web]")));
            }
        }
        ZoneId zone = null;
        if (timeZone != null && !timeZone.isBlank()) {
            try {
                zone = ZoneId.of(timeZone);
            } catch (DateTimeException e) {
                throw new InvalidFields("The request has invalid fields.",
                        List.of(new FieldProblem("timeZone", "must be an IANA time zone such as Europe/Paris")));
            }
        }
        return new UserContext(userId, sessionId, parsedPlatform, appVersion, locale, zone);
    }
}
