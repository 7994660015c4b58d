package dev.marquee.campaign.campaign.rest;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.marquee.campaign.campaign.service.CampaignSpec;
import dev.marquee.contracts.campaign.PropertyFilter;
import dev.marquee.contracts.campaign.Schedule.DeliveryMode;
import dev.marquee.contracts.campaign.Targeting.Platform;
import dev.marquee.contracts.campaign.Trigger;

/**
 * A campaign as the management API accepts it (create and replace). Give either {@code message} (one variant) or
 * {@code variants} (an A/B/n experiment).
 */
@Schema(description = "A campaign: what to show, to whom, on which trigger, when and how often.", example = """
        {"name": "Welcome", "triggers": [{"type": "SESSION_START"}],
         "message": {"format": "MODAL", "title": "Welcome, {{ user.first_name | default: \\"there\\" }}!",
                     "body": "Take the tour.", "buttons": [{"id": "tour", "label": "Start",
                     "action": "DEEP_LINK", "url": "shop://tour"}],
                     "locales": {"fr": {"title": "Bienvenue !", "body": "Suivez le guide."}}},
         "targeting": {"platforms": ["IOS", "ANDROID"], "rolloutPercent": 50},
         "frequency": {"lifetimeCap": 1, "priority": 60}}""")
public record CampaignRequest(
        @NotBlank @Size(max = 200) String name,
        @NotEmpty @Size(max = 10) List<@NotNull @Valid TriggerRequest> triggers,
        @Valid TargetingRequest targeting,
        @Valid MessageRequest message,
        @Size(min = 1, max = 8) List<@NotNull @Valid VariantRequest> variants,
        @Min(0) @Max(99) Integer controlPercent,
        @Valid ScheduleRequest schedule,
        @Valid FrequencyRequest frequency,
        @Valid GoalsRequest goals) {

    static final String ID = "[A-Za-z0-9_-]+";
    static final String ID_MESSAGE = "letters, digits, _ and - only";
    static final String EVENT_NAME = "[A-Za-z0-9_.:-]+";

    /** The campaign as the service takes it: the same parts, each absent one still null. */
    CampaignSpec toSpec() {
        return new CampaignSpec(name, each(triggers, TriggerRequest::toSpec),
                targeting == null ? null : targeting.toSpec(), message == null ? null : message.toSpec(),
                each(variants, VariantRequest::toSpec), controlPercent, schedule == null ? null : schedule.toSpec(),
                frequency == null ? null : frequency.toSpec(), goals == null ? null : goals.toSpec());
    }

    /** Each element mapped, in order; null stays null (absent is not empty). */
    static <R, S> List<S> each(List<R> requests, Function<R, S> toSpec) {
        return requests == null ? null : requests.stream().map(toSpec).toList();
    }

    /** {@code name}: screen or event name; {@code segmentId}: for SEGMENT_ENTERED. */
    @Schema(example = "{\"type\": \"CUSTOM_EVENT\", \"name\": \"added_to_cart\", \"filters\": [{\"property\": \"price\", \"operator\": \"GTE\", \"values\": [50]}], \"delaySeconds\": 5}")
    public record TriggerRequest(
            @NotNull Trigger.Type type,
            @Size(max = 200) String name,
            @Size(max = 64) String segmentId,
            @Size(max = 10) List<@NotNull @Valid FilterRequest> filters,
            @Min(0) @Max(86400) Integer delaySeconds) {

        CampaignSpec.TriggerSpec toSpec() {
            return new CampaignSpec.TriggerSpec(type, name, segmentId, each(filters, FilterRequest::toSpec), delaySeconds);
        }
    }

    @Schema(example = "{\"property\": \"category\", \"operator\": \"IN\", \"values\": [\"shoes\", \"bags\"]}")
    public record FilterRequest(
            @NotBlank @Size(max = 100) String property,
            @NotNull PropertyFilter.Operator operator,
            @Size(max = 100) List<Object> values) {

        CampaignSpec.FilterSpec toSpec() {
            return new CampaignSpec.FilterSpec(property, operator, values);
        }
    }

    /** Optional: absent means everybody. */
    @Schema(example = "{\"includeSegments\": [\"gold\"], \"excludeSegments\": [\"churned\"], \"platforms\": [\"IOS\", \"WEB\"], \"appVersions\": {\"min\": \"2.9\", \"max\": \"3.1\"}, \"locales\": [\"fr\"], \"rolloutPercent\": 50}")
    public record TargetingRequest(
            @Size(max = 20) Set<@NotBlank @Size(max = 64) String> includeSegments,
            @Size(max = 20) Set<@NotBlank @Size(max = 64) String> excludeSegments,
            Set<@NotNull Platform> platforms,
            @Valid VersionRangeRequest appVersions,
            @Size(max = 50) List<@NotBlank String> locales,
            @Min(1) @Max(100) Integer rolloutPercent) {

        CampaignSpec.TargetingSpec toSpec() {
            return new CampaignSpec.TargetingSpec(includeSegments, excludeSegments, platforms,
                    appVersions == null ? null : appVersions.toSpec(), locales, rolloutPercent);
        }
    }

    @Schema(example = "{\"min\": \"2.9\", \"max\": \"3.1.4\"}")
    public record VersionRangeRequest(
            @Pattern(regexp = "\\d{1,6}(\\.\\d{1,6}){0,2}", message = "must be a version such as 2.4 or 2.4.1") String min,
            @Pattern(regexp = "\\d{1,6}(\\.\\d{1,6}){0,2}", message = "must be a version such as 2.4 or 2.4.1") String max) {

        CampaignSpec.VersionRangeSpec toSpec() {
            return new CampaignSpec.VersionRangeSpec(min, max);
        }
    }

    /** @param weight percent of users; all weights plus {@code controlPercent} make 100 */
    @Schema(example = "{\"id\": \"B\", \"name\": \"Free shipping\", \"weight\": 45, \"message\": {\"format\": \"MODAL\", \"title\": \"Free shipping\", \"body\": \"Today only\"}}")
    public record VariantRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = ID, message = ID_MESSAGE) String id,
            @Size(max = 100) String name,
            @NotNull @Min(1) @Max(100) Integer weight,
            @NotNull @Valid MessageRequest message) {

        CampaignSpec.VariantSpec toSpec() {
            return new CampaignSpec.VariantSpec(id, name, weight, message == null ? null : message.toSpec());
        }
    }

    /** Optional: absent means always-on from activation until ended. */
    @Schema(example = "{\"startAt\": \"2026-12-01T08:00:00Z\", \"endAt\": \"2026-12-24T23:00:00Z\", \"window\": {\"days\": [\"MONDAY\", \"FRIDAY\"], \"fromHour\": 9, \"toHour\": 21}, \"mode\": \"ALWAYS_ON\"}")
    public record ScheduleRequest(
            Instant startAt,
            Instant endAt,
            @Valid WindowRequest window,
            DeliveryMode mode) {

        CampaignSpec.ScheduleSpec toSpec() {
            return new CampaignSpec.ScheduleSpec(startAt, endAt, window == null ? null : window.toSpec(), mode);
        }
    }

    /** Days and hours [fromHour, toHour) in the user's local time. */
    @Schema(example = "{\"days\": [\"SATURDAY\", \"SUNDAY\"], \"fromHour\": 10, \"toHour\": 20}")
    public record WindowRequest(
            @NotEmpty Set<@NotNull DayOfWeek> days,
            @NotNull @Min(0) @Max(23) Integer fromHour,
            @NotNull @Min(1) @Max(24) Integer toHour) {

        CampaignSpec.WindowSpec toSpec() {
            return new CampaignSpec.WindowSpec(days, fromHour, toHour);
        }
    }

    /** Optional: absent means no per-campaign caps, priority 50, not critical. */
    @Schema(example = "{\"lifetimeCap\": 3, \"perSessionCap\": 1, \"rolling\": {\"count\": 2, \"windowHours\": 24}, \"reEligibleAfterDays\": 7, \"priority\": 80, \"critical\": false}")
    public record FrequencyRequest(
            @Min(1) Integer lifetimeCap,
            @Min(1) Integer perSessionCap,
            @Valid RollingRequest rolling,
            @Min(1) @Max(720) Integer reEligibleAfterDays,
            @Min(1) @Max(100) Integer priority,
            Boolean critical) {

        CampaignSpec.FrequencySpec toSpec() {
            return new CampaignSpec.FrequencySpec(lifetimeCap, perSessionCap, rolling == null ? null : rolling.toSpec(),
                    reEligibleAfterDays, priority, critical);
        }
    }

    @Schema(example = "{\"count\": 2, \"windowHours\": 24}")
    public record RollingRequest(
            @NotNull @Min(1) Integer count,
            @NotNull @Min(1) @Max(8760) Integer windowHours) {

        CampaignSpec.RollingSpec toSpec() {
            return new CampaignSpec.RollingSpec(count, windowHours);
        }
    }

    /** Up to 4 conversion events, counted within {@code windowDays} (default 3) after an impression. */
    @Schema(example = "{\"events\": [{\"name\": \"purchase\", \"filters\": [{\"property\": \"amount\", \"operator\": \"GT\", \"values\": [0]}]}], \"windowDays\": 3}")
    public record GoalsRequest(
            @NotEmpty @Size(max = 4) List<@NotNull @Valid GoalEventRequest> events,
            @Min(1) @Max(30) Integer windowDays) {

        CampaignSpec.GoalsSpec toSpec() {
            return new CampaignSpec.GoalsSpec(each(events, GoalEventRequest::toSpec), windowDays);
        }
    }

    @Schema(example = "{\"name\": \"purchase\"}")
    public record GoalEventRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = EVENT_NAME, message = "letters, digits and _ . : - only") String name,
            @Size(max = 10) List<@NotNull @Valid FilterRequest> filters) {

        CampaignSpec.GoalEventSpec toSpec() {
            return new CampaignSpec.GoalEventSpec(name, each(filters, FilterRequest::toSpec));
        }
    }
}
