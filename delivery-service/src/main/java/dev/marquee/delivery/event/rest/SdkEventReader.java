package dev.marquee.delivery.event.rest;

import static dev.marquee.delivery.error.BodyFields.text;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.Targeting.Platform;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.user.AnonymousId;
import dev.marquee.contracts.user.UserEvent;
import dev.marquee.contracts.user.UserEventRules;
import dev.marquee.contracts.user.UserEventType;
import dev.marquee.delivery.decision.service.TriggerEvent;
import dev.marquee.delivery.decision.service.UserContext;
import dev.marquee.delivery.error.FieldProblem;
import dev.marquee.delivery.error.InvalidFields;
import dev.marquee.delivery.event.service.EventBatch;
import dev.marquee.delivery.event.service.EventResult;

/**
 * Maps the body of {@code POST /v1/sdk/events} to the service's {@link EventBatch}. Reads a batch of SDK events: the device context once, then each event on its own, so one malformed event is
 * reported (index and field) while the others still count. Every SDK event becomes a {@code user.events.v1} event;
 * the named SDK types are track events with a reserved name ({@code session_start}, {@code app_open},
 * {@code screen_view} with the screen in property {@code screen}, {@code purchase}).
 */
public class SdkEventReader {

    public static final int MAX_BATCH = 100;
    private static final Set<String> BATCH_FIELDS = Set.of("userId", "sessionId", "platform", "appVersion", "locale",
            "timeZone", "events");
    private static final Set<String> EVENT_FIELDS = Set.of("eventId", "type", "occurredAt", "name", "properties",
            "attributes", "anonymousId");
    private static final List<String> TYPES = List.of("session_start", "app_open", "screen_view", "track", "purchase",
            "attributes", "identify");

    private final ObjectMapper json;
    private final Duration maxFutureSkew;

    public SdkEventReader(ObjectMapper json, Duration maxFutureSkew) {
        this.json = json;
        this.maxFutureSkew = maxFutureSkew;
    }

    public EventBatch read(String appId, JsonNode body, Instant now) {
        if (body == null || !body.isObject()) {
            throw invalid("body", "must be a JSON object with userId and events");
        }
        List<FieldProblem> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!BATCH_FIELDS.contains(name)) {
                errors.add(new FieldProblem(name, "is not a known field"));
            }
        });
        UserContext user = context(body, errors);
        JsonNode events = body.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            errors.add(new FieldProblem("events", "must be a non-empty array of events"));
        } else if (events.size() > MAX_BATCH) {
            errors.add(new FieldProblem("events", "has " + events.size() + " events; at most " + MAX_BATCH
                    + " are allowed per request"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields("The request has invalid fields.", errors);
        }
        List<EventResult> results = new ArrayList<>();
        List<UserEvent> accepted = new ArrayList<>();
        List<TriggerEvent> triggers = new ArrayList<>();
        List<FieldProblem> allErrors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            List<FieldProblem> eventErrors = new ArrayList<>();
            JsonNode node = events.get(i);
            Read read = event(appId, user.userId(), node, "events[" + i + "]", now, eventErrors);
            if (eventErrors.isEmpty()) {
                accepted.add(read.event());
                if (read.trigger() != null) {
                    triggers.add(read.trigger());
                }
                results.add(new EventResult(i, read.event().eventId(), "accepted", List.of()));
            } else {
                allErrors.addAll(eventErrors);
                JsonNode id = node.path("eventId");
                results.add(new EventResult(i, id.isTextual() ? id.asText() : null, "rejected", eventErrors));
            }
        }
        if (accepted.isEmpty()) {
            throw new InvalidFields("No event of the batch is valid.", allErrors);
        }
        return new EventBatch(user, accepted, triggers, results);
    }

    private UserContext context(JsonNode body, List<FieldProblem> errors) {
        String userId = text(body, "userId", "", UserEventRules.MAX_USER_ID, true, errors);
        String sessionId = text(body, "sessionId", "", UserEventRules.MAX_ID, false, errors);
        Platform platform = null;
        String platformName = text(body, "platform", "", 20, false, errors);
        if (platformName != null) {
            try {
                platform = Platform.valueOf(platformName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem("platform", "must be one of [ios, android, web]"));
            }
        }
        String appVersion = text(body, "appVersion", "", 64, false, errors);
        String locale = text(body, "locale", "", 35, false, errors);
        ZoneId zone = null;
        String zoneName = text(body, "timeZone", "", 64, false, errors);
        if (zoneName != null) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                errors.add(new FieldProblem("timeZone", "must be an IANA time zone such as Europe/Paris"));
            }
        }
        return new UserContext(userId, sessionId, platform, appVersion, locale, zone);
    }

    private record Read(UserEvent event, TriggerEvent trigger) {
    }

    private Read event(String appId, String userId, JsonNode node, String path, Instant now, List<FieldProblem> errors) {
        if (!node.isObject()) {
            errors.add(new FieldProblem(path, "must be an event object"));
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!EVENT_FIELDS.contains(name)) {
                errors.add(new FieldProblem(path + "." + name, "is not a known field"));
            }
        });
        String eventId = text(node, "eventId", path + ".", UserEventRules.MAX_ID, true, errors);
        String type = text(node, "type", path + ".", 20, true, errors);
        if (type != null && !TYPES.contains(type)) {
            errors.add(new FieldProblem(path + ".type", "must be one of " + TYPES));
            type = null;
        }
        Instant occurredAt = now;
        JsonNode at = node.get("occurredAt");
        if (at != null && !at.isNull()) {
            try {
                occurredAt = Instant.parse(at.asText());
                if (occurredAt.isAfter(now.plus(maxFutureSkew))) {
                    errors.add(new FieldProblem(path + ".occurredAt", "is more than " + maxFutureSkew.toMinutes()
                            + " minutes in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldProblem(path + ".occurredAt",
                        "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z"));
            }
        }
        boolean named = "screen_view".equals(type) || "track".equals(type);
        boolean withAttributes = "attributes".equals(type) || "identify".equals(type);
        String name = named ? text(node, "name", path + ".", UserEventRules.MAX_ID, true, errors) : null;
        if (!named && node.has("name")) {
            errors.add(new FieldProblem(path + ".name", "is allowed on screen_view and track events only"));
        }
        String nameProblem = "track".equals(type) ? UserEventRules.trackNameProblem(name) : null;
        if (nameProblem != null) {
            errors.add(new FieldProblem(path + ".name", nameProblem));
        }
        Map<String, Object> properties = withAttributes
                ? Map.of()
                : scalars(node.get("properties"), path + ".properties", false, errors);
        if (withAttributes && node.has("properties")) {
            errors.add(new FieldProblem(path + ".properties", "is not allowed on " + type + " events"));
        }
        Map<String, Object> attributes = withAttributes
                ? scalars(node.get("attributes"), path + ".attributes", true, errors)
                : Map.of();
        if (!withAttributes && node.has("attributes")) {
            errors.add(new FieldProblem(path + ".attributes", "is allowed on attributes and identify events only"));
        }
        if ("attributes".equals(type) && attributes.isEmpty() && !node.path("attributes").isObject()) {
            errors.add(new FieldProblem(path + ".attributes", "is required"));
        }
        String anonymousId = "identify".equals(type)
                ? text(node, "anonymousId", path + ".", UserEventRules.MAX_USER_ID, false, errors)
                : null;
        if (anonymousId != null && !AnonymousId.isAnonymous(anonymousId)) {
            errors.add(new FieldProblem(path + ".anonymousId", "must be an anonymous id the SDK generated (starting with '"
                    + AnonymousId.PREFIX + "'); a known user's profile is never merged into another"));
        }
        if (!errors.isEmpty() || type == null) {
            return new Read(null, null);
        }
        return switch (type) {
            case "attributes" -> new Read(new UserEvent(eventId, UserEventType.ATTRIBUTES, appId, userId, occurredAt,
                    null, Map.of(), attributes, null), null);
            case "identify" -> new Read(new UserEvent(eventId, UserEventType.IDENTIFY, appId, userId, occurredAt, null,
                    Map.of(), attributes, anonymousId), null);
            case "screen_view" -> {
                Map<String, Object> withScreen = new LinkedHashMap<>(properties);
                withScreen.put("screen", name);
                yield new Read(track(eventId, appId, userId, occurredAt, "screen_view", withScreen),
                        new TriggerEvent(Trigger.Type.SCREEN_VIEW, name, properties));
            }
            case "track" -> new Read(track(eventId, appId, userId, occurredAt, name, properties),
                    new TriggerEvent(Trigger.Type.CUSTOM_EVENT, name, properties));
            default -> new Read(track(eventId, appId, userId, occurredAt, type, properties),
                    new TriggerEvent(Trigger.Type.valueOf(type.toUpperCase(Locale.ROOT)), type, properties));
        };
    }

    private static UserEvent track(String eventId, String appId, String userId, Instant at, String name,
            Map<String, Object> properties) {
        return new UserEvent(eventId, UserEventType.TRACK, appId, userId, at, name, properties, Map.of(), null);
    }

    /** A flat object of JSON scalars; {@code null} values allowed where they mean "remove the attribute". */
    private Map<String, Object> scalars(JsonNode node, String path, boolean nullAllowed, List<FieldProblem> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return values;
        }
        if (!node.isObject()) {
            errors.add(new FieldProblem(path, "must be an object"));
            return values;
        }
        if (node.size() > UserEventRules.MAX_FIELDS) {
            errors.add(new FieldProblem(path, "has more than " + UserEventRules.MAX_FIELDS + " fields"));
            return values;
        }
        node.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            String key = field.getKey();
            if (!UserEventRules.validFieldName(key)) {
                errors.add(new FieldProblem(path + "." + key,
                        "is not a valid name (1 to " + UserEventRules.MAX_ID + " characters)"));
            } else if (value.isNull() && nullAllowed) {
                values.put(key, null);
            } else if (!value.isValueNode() || value.isNull()) {
                errors.add(new FieldProblem(path + "." + key, "must be a string, number or boolean"));
            } else {
                values.put(key, json.convertValue(value, Object.class));
            }
        });
        return values;
    }

    private static InvalidFields invalid(String field, String message) {
        return new InvalidFields("The request has invalid fields.", List.of(new FieldProblem(field, message)));
    }
}
