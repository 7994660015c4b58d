package dev.marquee.campaign.campaign.rest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.marquee.contracts.campaign.ButtonAction;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.TriggerType;

/** A campaign as the management API accepts it (create and replace). */
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid TriggerRequest> triggers,
        @NotNull @Valid MessageRequest message) {

    public record TriggerRequest(@NotNull TriggerType type) {
    }

    public record MessageRequest(
            @NotNull MessageFormat format,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String body,
            @Size(max = 3) List<@NotNull @Valid ButtonRequest> buttons) {
    }

    public record ButtonRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only") String id,
            @NotBlank @Size(max = 60) String label,
            @NotNull ButtonAction action,
            @Size(max = 2000) String url) {
    }
}
