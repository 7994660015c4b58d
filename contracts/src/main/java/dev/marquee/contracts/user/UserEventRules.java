package dev.marquee.contracts.user;

/**
 * The limits of a user event wherever it enters: delivery-service (the SDK's event batches) and segment-service (the
 * server-side ingestion API) apply these, so an event one accepts the other accepts too, and everything on
 * {@code user.events.v1} can be applied by every consumer.
 */
public final class UserEventRules {

    /** Longest event id, event name and property or attribute name. */
    public static final int MAX_ID = 128;
    /** Longest user id (and anonymous id). */
    public static final int MAX_USER_ID = 256;
    /** Most properties of one event, or attributes of one profile update. */
    public static final int MAX_FIELDS = 100;

    private UserEventRules() {
    }

    /**
     * What is wrong with a track event's name, or {@code null}: segment-service keys a filtered counter
     * {@code name#filterId}, so a {@code #} in a name could count as another condition's events.
     */
    public static String trackNameProblem(String name) {
        return name != null && name.contains("#") ? "must not contain '#'" : null;
    }

    /** Whether a property or attribute name can be stored and matched: 1 to {@link #MAX_ID} characters, no control. */
    public static boolean validFieldName(String key) {
        return !key.isBlank() && key.length() <= MAX_ID && key.chars().noneMatch(Character::isISOControl);
    }
}
