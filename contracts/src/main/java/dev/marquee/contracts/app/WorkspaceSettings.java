package dev.marquee.contracts.app;

/**
 * Workspace-wide frequency rules of an app: at most this many messages per session and per day, and at least this
 * many seconds between two messages. Campaigns marked critical bypass them.
 */
public record WorkspaceSettings(int maxMessagesPerSession, int maxMessagesPerDay, int minSecondsBetweenMessages) {

    /** What a new app starts with (CleverTap's 10/session and 10/day, Braze's and Iterable's 30 s). */
    public static final WorkspaceSettings DEFAULTS = new WorkspaceSettings(10, 10, 30);
}
