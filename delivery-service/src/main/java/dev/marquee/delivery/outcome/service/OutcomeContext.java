package dev.marquee.delivery.outcome.service;

import dev.marquee.contracts.delivery.DeliveryOutcome;

/**
 * What a campaign's report splits outcomes by, as far as it is known where the outcome happens: the platform
 * ({@code ios}, {@code android}, {@code web}), the locale and the app version of the device. Each {@code null} when
 * unknown (a server send, a segment entry).
 */
public record OutcomeContext(String platform, String locale, String appVersion) {

    public static final OutcomeContext UNKNOWN = new OutcomeContext(null, null, null);

    /** The outcome with this context filled in (its revenue kept). */
    public DeliveryOutcome applyTo(DeliveryOutcome o) {
        return new DeliveryOutcome(o.eventId(), o.type(), o.appId(), o.userId(), o.campaignId(), o.version(),
                o.variantId(), o.occurredAt(), o.buttonId(), o.answers(), o.goalEvent(), platform, locale, appVersion,
                o.revenue());
    }
}
