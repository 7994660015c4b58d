package dev.marquee.contracts.campaign;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.Set;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * When a campaign may be shown. Null {@code startAt}/{@code endAt} mean "from activation" / "until ended".
 *
 * @param window optional delivery window in the user's local time (quiet hours outside it)
 * @param mode always-on (every qualifying trigger) or one-time (once per user)
 */
@Schema(example = "{\"startAt\": \"2026-12-01T08:00:00Z\", \"endAt\": \"2026-12-24T23:00:00Z\", \"window\": {\"days\": [\"SATURDAY\", \"SUNDAY\"], \"fromHour\": 10, \"toHour\": 20}, \"mode\": \"ALWAYS_ON\"}")
public record Schedule(Instant startAt, Instant endAt, DeliveryWindow window, DeliveryMode mode) {

    public static final Schedule DEFAULT = new Schedule(null, null, null, DeliveryMode.ALWAYS_ON);

    /** Days and hours [fromHour, toHour) in the user's local time. */
    @Schema(example = "{\"days\": [\"MONDAY\", \"TUESDAY\"], \"fromHour\": 9, \"toHour\": 21}")
    public record DeliveryWindow(Set<DayOfWeek> days, int fromHour, int toHour) {
    }

    public enum DeliveryMode {
        ALWAYS_ON, ONE_TIME
    }
}
