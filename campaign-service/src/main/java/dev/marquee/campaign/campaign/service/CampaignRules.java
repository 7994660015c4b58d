package dev.marquee.campaign.campaign.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.marquee.campaign.campaign.rest.CampaignRequest;
import dev.marquee.campaign.campaign.rest.MessageRequest;
import dev.marquee.campaign.rest.InvalidFieldException;
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
    static Checked check(CampaignRequest request, Instant now) {
        int control = request.controlPercent() == null ? 0 : request.controlPercent();
        return new Checked(request.name().strip(), triggers(request.triggers()), targeting(request.targeting()),
                variants(request, control, now), control, schedule(request.schedule()), frequency(request.frequency()),
                goals(request.goals()), request.variants() != null);
    }

    record Checked(String name, List<Trigger> triggers, Targeting targeting, List<Variant> variants, int controlPercent,
            Schedule schedule, Frequency frequency, Goals goals, boolean experiment) {

        /** Where the request named the format: {@code message.format} or {@code variants[0].message.format}. */
        String formatField() {
            return experiment ? "variants[0].message.format" : "message.format";
        }
    }

    private static List<Trigger> triggers(List<CampaignRequest.TriggerRequest> requests) {
        List<Trigger> triggers = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            CampaignRequest.TriggerRequest t = requests.get(i);
            String field = "triggers[" + i + "]";
            boolean named = t.type() == Trigger.Type.SCREEN_VIEW || t.type() == Trigger.Type.CUSTOM_EVENT;
            boolean filtered = t.type() == Trigger.Type.CUSTOM_EVENT || t.type() == Trigger.Type.PURCHASE;
            boolean segment = t.type() == Trigger.Type.SEGMENT_ENTERED;
            requiredExactlyWhen(field + ".name", t.name(), named, t.type());
            requiredExactlyWhen(field + ".segmentId", t.segmentId(), segment, t.type());
            if (!filtered && t.filters() != null && !t.filters().isEmpty()) {
                throw new InvalidFieldException(field + ".filters", "only CUSTOM_EVENT and PURCHASE triggers have filters");
            }
            triggers.add(new Trigger(t.type(), blankToNull(t.name()), blankToNull(t.segmentId()),
                    filters(t.filters(), field + ".filters"), t.delaySeconds() == null ? 0 : t.delaySeconds()));
        }
        return List.copyOf(triggers);
    }

    private static void requiredExactlyWhen(String field, String value, boolean required, Trigger.Type type) {
        boolean present = value != null && !value.isBlank();
        if (required && !present) {
            throw new InvalidFieldException(field, "is required for a " + type + " trigger");
        }
        if (!required && present) {
            throw new InvalidFieldException(field, "is not part of a " + type + " trigger");
        }
    }

    static List<PropertyFilter> filters(List<CampaignRequest.FilterRequest> requests, String path) {
        if (requests == null) {
            return List.of();
        }
        List<PropertyFilter> filters = new ArrayList<>();
        for (int i = 0; i < requests.size(); i++) {
            CampaignRequest.FilterRequest f = requests.get(i);
            String field = path + "[" + i + "].values";
            List<Object> values = f.values() == null ? List.of() : f.values();
            for (int v = 0; v < values.size(); v++) {
                Object value = values.get(v);
                if (!(value instanceof String || value instanceof Number || value instanceof Boolean)) {
                    throw new InvalidFieldException(field + "[" + v + "]", "must be a string, a number or a boolean");
                }
            }
            switch (f.operator()) {
                case EXISTS -> {
                    if (!values.isEmpty()) {
                        throw new InvalidFieldException(field, "EXISTS takes no values");
                    }
                }
                case IN -> {
                    if (values.isEmpty()) {
                        throw new InvalidFieldException(field, "IN takes one or more values");
                    }
                }
                case GT, GTE, LT, LTE -> {
                    if (values.size() != 1 || !(values.get(0) instanceof Number)) {
                        throw new InvalidFieldException(field, f.operator() + " takes exactly one number");
                    }
                }
                case EQ, NEQ, CONTAINS -> {
                    if (values.size() != 1) {
                        throw new InvalidFieldException(field, f.operator() + " takes exactly one value");
                    }
                }
            }
            filters.add(new PropertyFilter(f.property().strip(), f.operator(), List.copyOf(values)));
        }
        return List.copyOf(filters);
    }

    private static Targeting targeting(CampaignRequest.TargetingRequest request) {
        if (request == null) {
            return Targeting.EVERYONE;
        }
        Set<String> include = request.includeSegments() == null ? Set.of() : Set.copyOf(request.includeSegments());
        Set<String> exclude = request.excludeSegments() == null ? Set.of() : Set.copyOf(request.excludeSegments());
        for (String segment : include) {
            if (exclude.contains(segment)) {
                throw new InvalidFieldException("targeting.excludeSegments", "segment " + segment + " is also included");
            }
        }
        Targeting.VersionRange versions = null;
        if (request.appVersions() != null) {
            String min = request.appVersions().min();
            String max = request.appVersions().max();
            if (min != null && max != null && compareVersions(min, max) > 0) {
                throw new InvalidFieldException("targeting.appVersions.max", "must not be below min");
            }
            versions = new Targeting.VersionRange(min, max);
        }
        List<String> locales = request.locales() == null ? List.of() : request.locales();
        for (int i = 0; i < locales.size(); i++) {
            if (!Translations.isLanguageTag(locales.get(i))) {
                throw new InvalidFieldException("targeting.locales[" + i + "]",
                        "is not a BCP 47 language tag such as fr or fr-CA");
            }
        }
        return new Targeting(include, exclude, request.platforms() == null ? Set.of() : Set.copyOf(request.platforms()),
                versions, List.copyOf(locales), request.rolloutPercent() == null ? 100 : request.rolloutPercent());
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

    private static List<Variant> variants(CampaignRequest request, int control, Instant now) {
        if (request.message() != null && request.variants() != null) {
            throw new InvalidFieldException("variants", "give either message (one variant) or variants, not both");
        }
        if (request.message() == null && request.variants() == null) {
            throw new InvalidFieldException("message", "is required (or variants, for an experiment)");
        }
        if (request.message() != null) {
            return List.of(new Variant(SINGLE_VARIANT, null, 100 - control,
                    MessageShape.check(request.message(), "message", now)));
        }
        List<Variant> variants = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        int total = control;
        for (int i = 0; i < request.variants().size(); i++) {
            CampaignRequest.VariantRequest v = request.variants().get(i);
            String field = "variants[" + i + "]";
            if (!ids.add(v.id())) {
                throw new InvalidFieldException(field + ".id", "is used by another variant");
            }
            MessageRequest first = request.variants().get(0).message();
            if (v.message().format() != first.format()) {
                throw new InvalidFieldException(field + ".message.format",
                        "all variants have the format of the first, " + first.format());
            }
            total += v.weight();
            variants.add(new Variant(v.id(), blankToNull(v.name()), v.weight(),
                    MessageShape.check(v.message(), field + ".message", now)));
        }
        if (total != 100) {
            throw new InvalidFieldException("variants",
                    "the weights and controlPercent make " + total + "; they must make 100");
        }
        return List.copyOf(variants);
    }

    private static Goals goals(CampaignRequest.GoalsRequest request) {
        if (request == null) {
            return null;
        }
        List<Goals.GoalEvent> events = new ArrayList<>();
        for (int i = 0; i < request.events().size(); i++) {
            CampaignRequest.GoalEventRequest event = request.events().get(i);
            events.add(new Goals.GoalEvent(event.name(), filters(event.filters(), "goals.events[" + i + "].filters")));
        }
        return new Goals(List.copyOf(events), request.windowDays() == null ? Goals.DEFAULT_WINDOW_DAYS : request.windowDays());
    }

    private static Schedule schedule(CampaignRequest.ScheduleRequest request) {
        if (request == null) {
            return Schedule.DEFAULT;
        }
        if (request.startAt() != null && request.endAt() != null && !request.endAt().isAfter(request.startAt())) {
            throw new InvalidFieldException("schedule.endAt", "must be after schedule.startAt");
        }
        Schedule.DeliveryWindow window = null;
        if (request.window() != null) {
            CampaignRequest.WindowRequest w = request.window();
            if (w.toHour() <= w.fromHour()) {
                throw new InvalidFieldException("schedule.window.toHour", "must be after schedule.window.fromHour");
            }
            window = new Schedule.DeliveryWindow(Set.copyOf(w.days()), w.fromHour(), w.toHour());
        }
        return new Schedule(request.startAt(), request.endAt(), window,
                request.mode() == null ? Schedule.DeliveryMode.ALWAYS_ON : request.mode());
    }

    private static Frequency frequency(CampaignRequest.FrequencyRequest request) {
        if (request == null) {
            return Frequency.DEFAULT;
        }
        CampaignRequest.RollingRequest rolling = request.rolling();
        return new Frequency(request.lifetimeCap(), request.perSessionCap(),
                rolling == null ? null : new Frequency.RollingCap(rolling.count(), rolling.windowHours()),
                request.reEligibleAfterDays(),
                request.priority() == null ? Frequency.DEFAULT_PRIORITY : request.priority(),
                Boolean.TRUE.equals(request.critical()));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The first message of a campaign: what its format column and previews default to. */
    static Message firstMessage(List<Variant> variants) {
        return variants.get(0).message();
    }
}
