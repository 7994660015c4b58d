package dev.marquee.campaign.campaign.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.marquee.contracts.campaign.ButtonAction;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.campaign.Schedule.DeliveryMode;
import dev.marquee.contracts.campaign.TriggerType;

/** A campaign as the management API accepts it (create and replace). */
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid TriggerRequest> triggers,
        @NotNull @Valid MessageRequest message,
        @Valid ScheduleRequest schedule,
        @Valid FrequencyRequest frequency) {

    public record TriggerRequest(@NotNull TriggerType type) {
    }

    public record MessageRequest(
            @NotNull MessageFormat format,
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String body,
            @Size(max = 3) List<@NotNull @Valid ButtonRequest> buttons,
            @Size(max = 100) Map<@NotBlank String, @NotNull @Valid TranslationRequest> locales) {
    }

    /** The message in one locale (key: a BCP 47 tag such as {@code fr} or {@code fr-CA}). */
    public record TranslationRequest(
            @NotBlank @Size(max = 200) String title,
            @NotBlank @Size(max = 2000) String body,
            Map<@NotBlank String, @NotBlank @Size(max = 60) String> buttonLabels) {
    }

    /** Optional: absent means always-on from activation until ended. */
    public record ScheduleRequest(
            Instant startAt,
            Instant endAt,
            @Valid WindowRequest window,
            DeliveryMode mode) {
    }

    /** Days and hours [fromHour, toHour) in the user's local time. */
    public record WindowRequest(
            @NotEmpty Set<@NotNull DayOfWeek> days,
            @NotNull @Min(0) @Max(23) Integer fromHour,
            @NotNull @Min(1) @Max(24) Integer toHour) {
    }

    /** Optional: absent means no per-campaign caps, priority 50, not critical. */
    public record FrequencyRequest(
            @Min(1) Integer lifetimeCap,
            @Min(1) Integer perSessionCap,
            @Valid RollingRequest rolling,
            @Min(1) @Max(720) Integer reEligibleAfterDays,
            @Min(1) @Max(100) Integer priority,
            Boolean critical) {
    }

    public record RollingRequest(
            @NotNull @Min(1) Integer count,
            @NotNull @Min(1) @Max(8760) Integer windowHours) {
    }

    public record ButtonRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+", message = "letters, digits, _ and - only") String id,
            @NotBlank @Size(max = 60) String label,
            @NotNull ButtonAction action,
            @Size(max = 2000) String url) {
    }
}
