package dev.marquee.campaign.app.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.marquee.campaign.app.AppSettings;

/** The workspace settings: frequency rules delivery applies, HTML, deep-link schemes and test users. */
@Schema(example = """
        {"maxMessagesPerSession": 10, "maxMessagesPerDay": 10, "minSecondsBetweenMessages": 30, "htmlMessages": false, "linkSchemes": ["demoshop"], "testUsers": ["qa-ana"]}""")
public record SettingsResponse(int maxMessagesPerSession, int maxMessagesPerDay, int minSecondsBetweenMessages,
        boolean htmlMessages, List<String> linkSchemes, List<String> testUsers) {

    static SettingsResponse of(AppSettings row) {
        return new SettingsResponse(row.maxPerSession, row.maxPerDay, row.minSecondsBetween, row.htmlMessages,
                row.linkSchemes(), row.testUsers());
    }
}
