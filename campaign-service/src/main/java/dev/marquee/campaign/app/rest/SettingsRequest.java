package dev.marquee.campaign.app.rest;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import dev.marquee.contracts.app.WorkspaceSettings;

/** Workspace settings as the API takes and gives them; every field is required on PUT. */
public record SettingsRequest(
        @NotNull @Min(1) @Max(100) Integer maxMessagesPerSession,
        @NotNull @Min(1) @Max(1000) Integer maxMessagesPerDay,
        @NotNull @Min(0) @Max(86400) Integer minSecondsBetweenMessages) {

    WorkspaceSettings toContract() {
        return new WorkspaceSettings(maxMessagesPerSession, maxMessagesPerDay, minSecondsBetweenMessages);
    }
}
