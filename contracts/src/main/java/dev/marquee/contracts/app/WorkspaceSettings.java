package dev.marquee.contracts.app;

import java.util.List;

/**
 * Workspace-wide rules of an app: at most this many messages per session and per day, and at least this many seconds
 * between two messages (campaigns marked critical bypass them); whether its messages may be {@code HTML}; and the
 * schemes of its own deep links ({@code linkSchemes}, e.g. {@code ["demoshop"]}), the only ones besides https a
 * message may link to.
 *
 * @param htmlMessages absent (older events) is off
 * @param linkSchemes absent (older events) is none
 */
public record WorkspaceSettings(int maxMessagesPerSession, int maxMessagesPerDay, int minSecondsBetweenMessages,
        boolean htmlMessages, List<String> linkSchemes) {

    /** What a new app starts with (CleverTap's 10/session and 10/day, Braze's and Iterable's 30 s). */
    public static final WorkspaceSettings DEFAULTS = new WorkspaceSettings(10, 10, 30);

    public WorkspaceSettings {
        linkSchemes = linkSchemes == null ? List.of() : List.copyOf(linkSchemes);
    }

    /** Caps only: HTML off, no deep-link scheme. */
    public WorkspaceSettings(int maxMessagesPerSession, int maxMessagesPerDay, int minSecondsBetweenMessages) {
        this(maxMessagesPerSession, maxMessagesPerDay, minSecondsBetweenMessages, false, List.of());
    }
}
