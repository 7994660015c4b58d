package dev.marquee.contracts.app;

import java.util.List;

/**
 * Workspace-wide rules of an app: at most this many messages per session and per day, and at least this many seconds
 * between two messages (campaigns marked critical bypass them); whether its messages may be {@code HTML}; and the
 * schemes of its own deep links ({@code linkSchemes}, e.g. {@code ["demoshop"]}), the only ones besides https a
 * message may link to; and its named test users ({@code testUsers}), who may be sent any campaign of the app, drafts
 * included, with the variant of their choice.
 *
 * @param htmlMessages absent (older events) is off
 * @param linkSchemes absent (older events) is none
 * @param testUsers absent (older events) is none
 */
public record WorkspaceSettings(int maxMessagesPerSession, int maxMessagesPerDay, int minSecondsBetweenMessages,
        boolean htmlMessages, List<String> linkSchemes, List<String> testUsers) {

    /** The most test users an app may name. */
    public static final int MAX_TEST_USERS = 50;

    /** What a new app starts with (CleverTap's 10/session and 10/day, Braze's and Iterable's 30 s). */
    public static final WorkspaceSettings DEFAULTS = new WorkspaceSettings(10, 10, 30);

    public WorkspaceSettings {
        linkSchemes = linkSchemes == null ? List.of() : List.copyOf(linkSchemes);
        testUsers = testUsers == null ? List.of() : List.copyOf(testUsers);
    }

    /** No test users. */
    public WorkspaceSettings(int maxMessagesPerSession, int maxMessagesPerDay, int minSecondsBetweenMessages,
            boolean htmlMessages, List<String> linkSchemes) {
        this(maxMessagesPerSession, maxMessagesPerDay, minSecondsBetweenMessages, htmlMessages, linkSchemes, List.of());
    }

    /** Caps only: HTML off, no deep-link scheme, no test user. */
    public WorkspaceSettings(int maxMessagesPerSession, int maxMessagesPerDay, int minSecondsBetweenMessages) {
        this(maxMessagesPerSession, maxMessagesPerDay, minSecondsBetweenMessages, false, List.of());
    }
}
