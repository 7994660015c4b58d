package dev.marquee.contracts.app;

/** What an SDK key may do: {@code READ} the messages (sync, stream), {@code TRACK} events and outcomes. */
public enum SdkScope {
    READ, TRACK
}
