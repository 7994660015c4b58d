package dev.marquee.contracts.app;

/**
 * What an SDK key may do: {@code READ} the messages (sync, stream), {@code TRACK} events and outcomes, {@code DEBUG}
 * read why messages were or were not shown to the key's users ({@code GET /v1/sdk/explain}: for development and test
 * builds of an app; it reveals campaign names and targeting, so keys of released apps leave it out).
 */
public enum SdkScope {
    READ, TRACK, DEBUG
}
