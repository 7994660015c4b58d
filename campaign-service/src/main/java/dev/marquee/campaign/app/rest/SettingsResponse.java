package dev.marquee.campaign.app.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.marquee.campaign.app.AppSettings;

/** The workspace settings: frequency rules delivery applies, and whether HTML messages are allowed. */
@Schema(example = """
        {"maxMessagesPerSession": 10, "maxMessagesPerDay": 10, "minSecondsBetweenMessages": 30, "htmlMessages": false}""")
public record SettingsResponse(int maxMessagesPerSession, int maxMessagesPerDay, int minSecondsBetweenMessages,
        boolean htmlMessages) {

    static SettingsResponse of(AppSettings row) {
        return new SettingsResponse(row.maxPerSession, row.maxPerDay, row.minSecondsBetween, row.htmlMessages);
    }
}
