package dev.marquee.campaign.campaign.service;

import java.time.DayOfWeek;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.marquee.contracts.campaign.PropertyFilter;
import dev.marquee.contracts.campaign.Schedule.DeliveryMode;
import dev.marquee.contracts.campaign.Targeting.Platform;
import dev.marquee.contracts.campaign.Trigger;

/**
 * A campaign's content as authored, before {@link CampaignRules} checks it: what create and replace take. Either
 * {@code message} (one variant) or {@code variants} (an A/B/n experiment). Absent parts are null, as the caller left
 * them; the checks name each part by its path in this record ({@code variants[1].message.title}).
 */
public record CampaignSpec(
        String name,
        List<TriggerSpec> triggers,
        TargetingSpec targeting,
        MessageSpec message,
        List<VariantSpec> variants,
        Integer controlPercent,
        ScheduleSpec schedule,
        FrequencySpec frequency,
        GoalsSpec goals) {

    public record TriggerSpec(Trigger.Type type, String name, String segmentId, List<FilterSpec> filters,
            Integer delaySeconds) {
    }

    public record FilterSpec(String property, PropertyFilter.Operator operator, List<Object> values) {
    }

    public record TargetingSpec(Set<String> includeSegments, Set<String> excludeSegments, Set<Platform> platforms,
            VersionRangeSpec appVersions, List<String> locales, Integer rolloutPercent) {
    }

    public record VersionRangeSpec(String min, String max) {
    }

    public record VariantSpec(String id, String name, Integer weight, MessageSpec message) {
    }

    public record ScheduleSpec(Instant startAt, Instant endAt, WindowSpec window, DeliveryMode mode) {
    }

    public record WindowSpec(Set<DayOfWeek> days, Integer fromHour, Integer toHour) {
    }

    public record FrequencySpec(Integer lifetimeCap, Integer perSessionCap, RollingSpec rolling,
            Integer reEligibleAfterDays, Integer priority, Boolean critical) {
    }

    public record RollingSpec(Integer count, Integer windowHours) {
    }

    public record GoalsSpec(List<GoalEventSpec> events, Integer windowDays) {
    }

    public record GoalEventSpec(String name, List<FilterSpec> filters) {
    }
}
