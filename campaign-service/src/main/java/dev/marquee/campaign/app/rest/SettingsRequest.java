package dev.marquee.campaign.app.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.marquee.contracts.app.WorkspaceSettings;

/** Workspace settings as the API takes them: the caps are required on PUT; {@code htmlMessages} absent is off. */
@Schema(example = "{\"maxMessagesPerSession\": 5, \"maxMessagesPerDay\": 10, \"minSecondsBetweenMessages\": 30, \"htmlMessages\": false}")
public record SettingsRequest(
        @NotNull @Min(1) @Max(100) Integer maxMessagesPerSession,
        @NotNull @Min(1) @Max(1000) Integer maxMessagesPerDay,
        @NotNull @Min(0) @Max(86400) Integer minSecondsBetweenMessages,
        Boolean htmlMessages) {

    WorkspaceSettings toContract() {
        return new WorkspaceSettings(maxMessagesPerSession, maxMessagesPerDay, minSecondsBetweenMessages);
    }

    boolean html() {
        return Boolean.TRUE.equals(htmlMessages);
    }
}
