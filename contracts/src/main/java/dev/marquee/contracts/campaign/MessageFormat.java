package dev.marquee.contracts.campaign;

/**
 * How a message is shown. Each format has its own shape: which parts of {@link Message} it requires, allows or
 * refuses (campaign-service checks it at save).
 */
public enum MessageFormat {
    /** A strip at the top or bottom of the screen ({@link Message#banner()}), optionally dismissed after a while. */
    BANNER,
    /** A centred pop-up over the app. */
    MODAL,
    /** Covers the whole screen. */
    FULL_SCREEN,
    /** An image and nothing else ({@link Message#media()} required, no title or body). */
    IMAGE_ONLY,
    /** A persistent content card in the user's inbox feed ({@link Message#card()}: pinned, expiry). */
    CARD,
    /** 2–10 pages the user swipes through ({@link Message#pages()}). */
    CAROUSEL,
    /** Up to 5 questions: NPS, single or multiple choice, free text ({@link Message#questions()}). */
    SURVEY,
    /** A bubble anchored to an element the app names ({@link Message#tooltip()}). */
    TOOLTIP,
    /** Marketer-authored HTML shown in a sandboxed frame; the app must opt in ({@link Message#html()}). */
    HTML,
    /** No rendering by the SDK: the app receives {@link Message#payload()} and draws it itself (headless). */
    CUSTOM_JSON
}
