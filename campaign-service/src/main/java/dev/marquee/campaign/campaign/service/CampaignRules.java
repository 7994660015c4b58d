package dev.marquee.campaign.campaign.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.marquee.campaign.error.InvalidField;
import dev.marquee.contracts.campaign.Frequency;
import dev.marquee.contracts.campaign.Goals;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.PropertyFilter;
import dev.marquee.contracts.campaign.Schedule;
import dev.marquee.contracts.campaign.Targeting;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.campaign.Variant;

/**
 * The rules of a campaign beyond single fields: which trigger takes which parameters, property filters with the right
 * number and kind of values, consistent targeting, experiment weights that make 100, goals, schedule and caps. Each
 * broken rule is refused with the path of the field at fault.
 */
final class CampaignRules {

    /** The variant a campaign without an experiment has. */
    static final String SINGLE_VARIANT = "A";

    private CampaignRules() {
    }

    /** The campaign as checked and normalized; {@code now} judges instants that must lie ahead. */
    static Checked check(CampaignSpec spec, Instant now) {
        int control = spec.controlPercent() == null ? 0 : spec.controlPercent();
        return new Checked(spec.name().strip(), triggers(spec.triggers()), targeting(spec.targeting()),
                variants(spec, control, now), control, schedule(spec.schedule()), frequency(spec.frequency()),
                goals(spec.goals()), spec.variants() != null);
    }

    record Checked(String name, List<Trigger> triggers, Targeting targeting, List<Variant> variants, int controlPercent,
            Schedule schedule, Frequency frequency, Goals goals, boolean experiment) {

        /** Where the campaign named the format: {@code message.format} or {@code variants[0].message.format}. */
        String formatField() {
            return experiment ? "variants[0].message.format" : "message.format";
        }
    }

    private static List<Trigger> triggers(List<CampaignSpec.TriggerSpec> specs) {
        List<Trigger> triggers = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            CampaignSpec.TriggerSpec t = specs.get(i);
            String field = "triggers[" + i + "]";
            boolean named = t.type() == Trigger.Type.SCREEN_VIEW || t.type() == Trigger.Type.CUSTOM_EVENT;
            boolean filtered = t.type() == Trigger.Type.CUSTOM_EVENT || t.type() == Trigger.Type.PURCHASE;
            boolean segment = t.type() == Trigger.Type.SEGMENT_ENTERED;
            requiredExactlyWhen(field + ".name", t.name(), named, t.type());
            requiredExactlyWhen(field + ".segmentId", t.segmentId(), segment, t.type());
            if (!filtered && t.filters() != null && !t.filters().isEmpty()) {
                throw new InvalidField(field + ".filters", "only CUSTOM_EVENT and PURCHASE triggers have filters");
            }
            triggers.add(new Trigger(t.type(), blankToNull(t.name()), blankToNull(t.segmentId()),
                    filters(t.filters(), field + ".filters"), t.delaySeconds() == null ? 0 : t.delaySeconds()));
        }
        return List.copyOf(triggers);
    }

    private static void requiredExactlyWhen(String field, String value, boolean required, Trigger.Type type) {
        boolean present = value != null && !value.isBlank();
        if (required && !present) {
            throw new InvalidField(field, "is required for a " + type + " trigger");
        }
        if (!required && present) {
            throw new InvalidField(field, "is not part of a " + type + " trigger");
        }
    }

    static List<PropertyFilter> filters(List<CampaignSpec.FilterSpec> specs, String path) {
        if (specs == null) {
            return List.of();
        }
        List<PropertyFilter> filters = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            CampaignSpec.FilterSpec f = specs.get(i);
            String field = path + "[" + i + "].values";
            List<Object> values = f.values() == null ? List.of() : f.values();
            for (int v = 0; v < values.size(); v++) {
                Object value = values.get(v);
                if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw new InvalidField(field + "[" + v + "]", "must be a string, a number or a boolean");
                }
            }
            switch (f.operator()) {
                case EXISTS -> {
                    if (!values.isEmpty()) {
                        throw new InvalidField(field, "EXISTS takes no values");
                    }
                }
                case IN -> {
                    if (values.isEmpty()) {
                        throw new InvalidField(field, "IN takes one or more values");
                    }
                }
                case GT, GTE, LT, LTE -> {
                    if (values.size() != 1 || !(values.get(0) instanceof Number)) {
                        throw new InvalidField(field, f.operator() + " takes exactly one number");
                    }
                }
                case EQ, NEQ, CONTAINS -> {
                    if (values.size() != 1) {
                        throw new InvalidField(field, f.operator() + " takes exactly one value");
                    }
                }
            }
            filters.add(new PropertyFilter(f.property().strip(), f.operator(), List.copyOf(values)));
        }
        return List.copyOf(filters);
    }

    private static Targeting targeting(CampaignSpec.TargetingSpec spec) {
        if (spec == null) {
            return Targeting.EVERYONE;
        }
        Set<String> include = spec.includeSegments() == null ? Set.of() : Set.copyOf(spec.includeSegments());
        Set<String> exclude = spec.excludeSegments() == null ? Set.of() : Set.copyOf(spec.excludeSegments());
        for (String segment : include) {
            if (exclude.contains(segment)) {
                throw new InvalidField("targeting.excludeSegments", "segment " + segment + " is also included");
            }
        }
        Targeting.VersionRange versions = null;
        if (spec.appVersions() != null) {
            String min = spec.appVersions().min();
            String max = spec.appVersions().max();
            if (min != null && max != null && compareVersions(min, max) > 0) {
                throw new InvalidField("targeting.appVersions.max", "must not be below min");
            }
            versions = new Targeting.VersionRange(min, max);
        }
        List<String> locales = spec.locales() == null ? List.of() : spec.locales();
        for (int i = 0; i < locales.size(); i++) {
            if (!Translations.isLanguageTag(locales.get(i))) {
                throw new InvalidField("targeting.locales[" + i + "]",
                        "is not a BCP 47 language tag such as fr or fr-CA");
            }
        }
        return new Targeting(include, exclude, spec.platforms() == null ? Set.of() : Set.copyOf(spec.platforms()),
                versions, List.copyOf(locales), spec.rolloutPercent() == null ? 100 : spec.rolloutPercent());
    }

    /** Numeric, part by part: 2.10 is above 2.9. */
    private static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < 3; i++) {
            int cmp = Integer.compare(i < x.length ? Integer.parseInt(x[i]) : 0, i < y.length ? Integer.parseInt(y[i]) : 0);
            if (cmp != 0) {
                return cmp;
            }
        }
        return 0;
    }

    private static List<Variant> variants(CampaignSpec spec, int control, Instant now) {
        if (spec.message() != null && spec.variants() != null) {
            throw new InvalidField("variants", "give either message (one variant) or variants, not both");
        }
        if (spec.message() == null && spec.variants() == null) {
            throw new InvalidField("message", "is required (or variants, for an experiment)");
        }
        if (spec.message() != null) {
            return List.of(new Variant(SINGLE_VARIANT, null, 100 - control,
                    MessageShape.check(spec.message(), "message", now)));
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int total = control;
        for (int i = 0; i < spec.variants().size(); i++) {
            CampaignSpec.VariantSpec v = spec.variants().get(i);
            String field = "variants[" + i + "]";
            if (!ids.add(v.id())) {
                throw new InvalidField(field + ".id", "is used by another variant");
            }
            MessageSpec first = spec.variants().get(0).message();
            if (v.message().format() != first.format()) {
                throw new InvalidField(field + ".message.format",
                        "all variants have the format of the first, " + first.format());
            }
            total += v.weight();
            variants.add(new Variant(v.id(), blankToNull(v.name()), v.weight(),
                    MessageShape.check(v.message(), field + ".message", now)));
        }
        if (total != 100) {
            throw new InvalidField("variants",
                    "the weights and controlPercent make " + total + "; they must make 100");
        }
        return List.copyOf(variants);
    }

    private static Goals goals(CampaignSpec.GoalsSpec spec) {
        if (spec == null) {
            return null;
        }
        List<Goals.GoalEvent> events = new ArrayList<>();
        for (int i = 0; i < spec.events().size(); i++) {
            CampaignSpec.GoalEventSpec event = spec.events().get(i);
            events.add(new Goals.GoalEvent(event.name(), filters(event.filters(), "goals.events[" + i + "].filters")));
        }
        return new Goals(List.copyOf(events), spec.windowDays() == null ? Goals.DEFAULT_WINDOW_DAYS : spec.windowDays());
    }

    private static Schedule schedule(CampaignSpec.ScheduleSpec spec) {
        if (spec == null) {
            return Schedule.DEFAULT;
        }
        if (spec.startAt() != null && spec.endAt() != null && !spec.endAt().isAfter(spec.startAt())) {
            throw new InvalidField("schedule.endAt", "must be after schedule.startAt");
        }
        Schedule.DeliveryWindow window = null;
        if (spec.window() != null) {
            CampaignSpec.WindowSpec w = spec.window();
            if (w.toHour() <= w.fromHour()) {
                throw new InvalidField("schedule.window.toHour", "must be after schedule.window.fromHour");
            }
            window = new Schedule.DeliveryWindow(Set.copyOf(w.days()), w.fromHour(), w.toHour());
        }
        return new Schedule(spec.startAt(), spec.endAt(), window,
                spec.mode() == null ? Schedule.DeliveryMode.ALWAYS_ON : spec.mode());
    }

    private static Frequency frequency(CampaignSpec.FrequencySpec spec) {
        if (spec == null) {
            return Frequency.DEFAULT;
        }
        CampaignSpec.RollingSpec rolling = spec.rolling();
        return new Frequency(spec.lifetimeCap(), spec.perSessionCap(),
                rolling == null ? null : new Frequency.RollingCap(rolling.count(), rolling.windowHours()),
                spec.reEligibleAfterDays(),
                spec.priority() == null ? Frequency.DEFAULT_PRIORITY : spec.priority(),
                Boolean.TRUE.equals(spec.critical()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The first message of a campaign: what its format column and previews default to. */
    static Message firstMessage(List<Variant> variants) {
        return variants.get(0).message();
    }
}
