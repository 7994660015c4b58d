package dev.marquee.contracts.user;

/** What a {@link UserEvent} says about a user. */
public enum UserEventType {
    /** The user did something: {@code name} and optional {@code properties}; counts as activity (last seen). */
    TRACK,
    /** Attributes set on the profile ({@code attributes}; a {@code null} value removes one); not user activity. */
    ATTRIBUTES,
    /**
     * The user identified (signed in) on a device: optional {@code attributes} are set like {@link #ATTRIBUTES}, and it
     * counts as activity. {@code anonymousId} names the device's anonymous id; profiles are not merged (yet).
     */
    IDENTIFY
}
