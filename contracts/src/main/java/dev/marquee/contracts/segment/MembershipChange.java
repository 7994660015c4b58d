package dev.marquee.contracts.segment;

/** What happened to a user's membership of segments. */
public enum MembershipChange {
    /** The user now matches the segment (or was uploaded into a static one). */
    ENTERED,
    /** The user no longer matches the segment (or the segment was deleted). */
    EXITED,
    /** The user's profile was erased: every membership in {@code segmentIds} is gone, and so is the profile. */
    ERASED
}
