package dev.marquee.campaign.app;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.marquee.contracts.app.WorkspaceSettings;

/** The workspace-wide rules of one app: frequency caps, HTML, deep-link schemes and test users. */
@Entity
@Table(name = "app_settings")
public class AppSettings {

    @Id
    @Column(name = "app_id")
    public String appId;

    @Column(name = "max_per_session")
    public int maxPerSession;

    @Column(name = "max_per_day")
    public int maxPerDay;

    @Column(name = "min_seconds_between")
    public int minSecondsBetween;

    /** Whether campaigns of this app may use the HTML format; off until an admin turns it on. */
    @Column(name = "html_messages")
    public boolean htmlMessages;

    /** The schemes of the app's own deep links, comma-separated (settings {@code linkSchemes}). */
    @Column(name = "link_schemes")
    public String linkSchemes = "";

    /** The app's test users, one per line (settings {@code testUsers}). */
    @Column(name = "test_users")
    public String testUsers = "";

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static AppSettings of(String appId, WorkspaceSettings settings, Instant at) {
        AppSettings row = new AppSettings();
        row.appId = appId;
        row.apply(settings, at);
        return row;
    }

    public void apply(WorkspaceSettings settings, Instant at) {
        maxPerSession = settings.maxMessagesPerSession();
        maxPerDay = settings.maxMessagesPerDay();
        minSecondsBetween = settings.minSecondsBetweenMessages();
        linkSchemes = String.join(",", settings.linkSchemes());
        testUsers = String.join("\n", settings.testUsers());
        updatedAt = at;
    }

    public WorkspaceSettings toContract() {
        return new WorkspaceSettings(maxPerSession, maxPerDay, minSecondsBetween, htmlMessages, linkSchemes(),
                testUsers());
    }

    public List<String> testUsers() {
        return testUsers == null || testUsers.isEmpty() ? List.of() : List.of(testUsers.split("\n"));
    }

    public List<String> linkSchemes() {
        return linkSchemes == null || linkSchemes.isEmpty() ? List.of() : List.of(linkSchemes.split(","));
    }
}
