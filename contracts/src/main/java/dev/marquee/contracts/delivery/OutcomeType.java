package dev.marquee.contracts.delivery;

/** What a {@link DeliveryOutcome} records. */
public enum OutcomeType {
    /** The message was shown (reported by the SDK, or reserved by a server decision). */
    IMPRESSION,
    /** A button was tapped: {@code buttonId}. */
    CLICK,
    /** The user closed the message. */
    DISMISS,
    /** A goal event happened within the campaign's window after an impression: {@code goalEvent}. */
    CONVERSION,
    /** The user answered a survey: {@code answers} by question id. */
    SURVEY_ANSWER,
    /** The user is in the campaign's control group: the campaign would have shown, and nothing was shown. */
    CONTROL_EXPOSURE
}
