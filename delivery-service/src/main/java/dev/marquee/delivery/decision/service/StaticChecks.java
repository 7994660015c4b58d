package dev.marquee.delivery.decision.service;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.user.AppVersion;

/**
 * The part of a decision that needs no I/O: trigger, schedule, delivery window (user's local time), platform, app
 * version, locale, rollout bucket, and whether the segments the campaign targets are built yet. Answers the first
 * reason a campaign cannot show, or empty.
 */
public final class StaticChecks {

    private StaticChecks() {
    }

    /**
     * @param events the triggering events of the request; {@code null} means "any trigger" (the eligible set for sync)
     * @param readySegments the app's segments whose membership is complete
     */
    public static Optional<String> firstReason(CampaignSnapshot campaign, UserContext user, List<TriggerEvent> events,
            Instant now, Set<String> readySegments) {
        if (events != null && matchedTrigger(campaign, events).isEmpty()) {
            return Optional.of("trigger");
        }
        Schedule schedule = campaign.schedule();
        if (schedule != null && ((schedule.startAt() != null && now.isBefore(schedule.startAt()))
                || (schedule.endAt() != null && !now.isBefore(schedule.endAt())))) {
            return Optional.of("schedule");
        }
        if (schedule != null && schedule.window() != null && !inWindow(schedule.window(), user, now)) {
            return Optional.of("window");
        }
        Targeting targeting = campaign.targeting() == null ? Targeting.EVERYONE : campaign.targeting();
        if (targeting.platforms() != null && !targeting.platforms().isEmpty()
                && (user.platform() == null || !targeting.platforms().contains(user.platform()))) {
            return Optional.of("platform");
        }
        if (targeting.appVersions() != null && !inRange(targeting.appVersions(), user.appVersion())) {
            return Optional.of("app_version");
        }
        if (targeting.locales() != null && !targeting.locales().isEmpty() && !localeMatches(targeting.locales(),
                user.locale())) {
            return Optional.of("locale");
        }
        if (targeting.rolloutPercent() > 0 && targeting.rolloutPercent() < 100
                && VariantAssignment.bucket("rollout:" + campaign.id() + ":" + user.userId()) >= targeting
                        .rolloutPercent() * 100) {
            return Optional.of("rollout");
        }
        if (segmentTargeted(targeting) && !readySegments.containsAll(segments(targeting))) {
            // membership unknown (segment still building, or being rebuilt): segment-targeted messages fail closed
            return Optional.of("segment_not_ready");
        }
        return Optional.empty();
    }

    /** The first of the campaign's triggers that one of the events fires. */
    public static Optional<Trigger> matchedTrigger(CampaignSnapshot campaign, List<TriggerEvent> events) {
        // loops, not streams: this runs for every campaign of the app on every decision
        for (Trigger trigger : campaign.triggers()) {
            for (TriggerEvent event : events) {
                if (event.matches(trigger)) {
                    return Optional.of(trigger);
                }
            }
        }
        return Optional.empty();
    }

    /** Whether the campaign targets (includes or excludes) any segment. */
    public static boolean segmentTargeted(Targeting targeting) {
        return targeting != null && ((targeting.includeSegments() != null && !targeting.includeSegments().isEmpty())
                || (targeting.excludeSegments() != null && !targeting.excludeSegments().isEmpty()));
    }

    public static Set<String> segments(Targeting targeting) {
        if (targeting == null) {
            return Set.of();
        }
        Set<String> all = new java.util.HashSet<>();
        if (targeting.includeSegments() != null) {
            all.addAll(targeting.includeSegments());
        }
        if (targeting.excludeSegments() != null) {
            all.addAll(targeting.excludeSegments());
        }
        return all;
    }

    private static boolean inWindow(Schedule.DeliveryWindow window, UserContext user, Instant now) {
        ZonedDateTime local = now.atZone(user.timeZone() == null ? ZoneOffset.UTC : user.timeZone());
        if (window.days() != null && !window.days().isEmpty() && !window.days().contains(local.getDayOfWeek())) {
            return false;
        }
        int hour = local.getHour();
        return window.fromHour() <= window.toHour()
                ? hour >= window.fromHour() && hour < window.toHour()
                // a window across midnight, e.g. 20 → 2
                : hour >= window.fromHour() || hour < window.toHour();
    }

    private static boolean localeMatches(List<String> allowed, String locale) {
        if (locale == null || locale.isBlank()) {
            return false;
        }
        Locale user = Locale.forLanguageTag(locale.replace('_', '-'));
        String tag = user.toLanguageTag().toLowerCase(Locale.ROOT);
        return allowed.stream().map(a -> a.toLowerCase(Locale.ROOT).replace('_', '-'))
                .anyMatch(a -> a.equals(tag) || a.equals(user.getLanguage()) || tag.startsWith(a + "-"));
    }

    /**
     * Whether the user's app version is within the campaign's range, by {@link AppVersion}'s order, the one
     * segment-service's rules use ({@code 2.0.0-beta} is below {@code 2.0.0}); no version, or a text that is none, is
     * outside any range.
     */
    private static boolean inRange(Targeting.VersionRange range, String version) {
        if (range.min() == null && range.max() == null) {
            return true;
        }
        Optional<AppVersion> have = AppVersion.parse(version);
        if (have.isEmpty()) {
            return false;
        }
        return (range.min() == null || compare(have.get(), range.min()) >= 0)
                && (range.max() == null || compare(have.get(), range.max()) <= 0);
    }

    /** A bound the campaign was saved with (validated as a version then); one unreadable bound excludes nobody. */
    private static int compare(AppVersion have, String bound) {
        return AppVersion.parse(bound).map(have::compareTo).orElse(0);
    }
}
