package dev.marquee.segment.event.service;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.user.AnonymousId;
import dev.marquee.contracts.user.UserEvent;
import dev.marquee.contracts.user.UserEventRules;
import dev.marquee.contracts.user.UserEventType;
import dev.marquee.segment.config.SegmentConfig;
import dev.marquee.segment.config.TimeSource;
import dev.marquee.segment.error.FieldProblem;
import dev.marquee.segment.error.InvalidFields;
import dev.marquee.segment.event.messaging.UserEventPublisher;
import io.smallrye.mutiny.Uni;

/**
 * Server-side ingestion: each event of a batch is validated on its own, the valid ones are published to
 * {@code user.events.v1} and the invalid ones reported with their fields, so one bad event loses nothing else.
 */
@ApplicationScoped
public class EventIngestion {

    public static final int MAX_BATCH = 1000;
    private static final Set<String> FIELDS = Set.of("eventId", "userId", "type", "occurredAt", "name", "properties",
            "attributes", "anonymousId");

    /** The outcome of one event of the batch, in request order. */
    public record Result(int index, String eventId, String status, List<FieldProblem> errors) {
    }

    private final UserEventPublisher publisher;
    private final SegmentConfig config;
    private final TimeSource time;
    private final ObjectMapper json;

    public EventIngestion(UserEventPublisher publisher, SegmentConfig config, TimeSource time, ObjectMapper json) {
        this.publisher = publisher;
        this.config = config;
        this.time = time;
        this.json = json;
    }

    public Uni<List<Result>> ingest(String appId, JsonNode body) {
        JsonNode events = body == null ? null : body.get("events");
        if (events == null || !events.isArray() || events.isEmpty()) {
            throw new InvalidFields("events must be a non-empty array.",
                    List.of(new FieldProblem("events", "must be a non-empty array of events")));
        }
        if (events.size() > MAX_BATCH) {
            throw new InvalidFields("At most " + MAX_BATCH + " events per request.",
                    List.of(new FieldProblem("events", "has " + events.size() + " events; at most " + MAX_BATCH
                            + " are allowed per request")));
        }
        body.fieldNames().forEachRemaining(name -> {
            if (!name.equals("events")) {
                throw new InvalidFields("The field " + name + " is not a known field.",
                        List.of(new FieldProblem(name, "is not a known field")));
            }
        });
        Instant now = time.now();
        List<Result> results = new ArrayList<>();
        List<UserEvent> accepted = new ArrayList<>();
        List<FieldProblem> allErrors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            List<FieldProblem> errors = new ArrayList<>();
            UserEvent event = read(appId, events.get(i), "events[" + i + "]", now, errors);
            JsonNode id = events.get(i).path("eventId");
            if (errors.isEmpty()) {
                accepted.add(event);
                results.add(new Result(i, event.eventId(), "accepted", List.of()));
            } else {
                allErrors.addAll(errors);
                results.add(new Result(i, id.isTextual() ? id.asText() : null, "rejected", errors));
            }
        }
        if (accepted.isEmpty()) {
            throw new InvalidFields("No event of the batch is valid.", allErrors);
        }
        return publisher.publish(accepted).replaceWith(results);
    }

    /** An attribute update made through the profile API: published like any ingested event, so order is kept. */
    public Uni<UserEvent> updateAttributes(String appId, String userId, JsonNode attributes, String eventId) {
        List<FieldProblem> errors = new ArrayList<>();
        Map<String, Object> values = scalars(attributes, "attributes", true, errors);
        if (values != null && values.isEmpty()) {
            errors.add(new FieldProblem("attributes", "must not be empty"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields("The attributes are not valid.", errors);
        }
        UserEvent event = new UserEvent(eventId, UserEventType.ATTRIBUTES, appId, userId, time.now(), null, Map.of(),
                values, null);
        return publisher.publish(List.of(event)).replaceWith(event);
    }

    private UserEvent read(String appId, JsonNode node, String path, Instant now, List<FieldProblem> errors) {
        if (!node.isObject()) {
            errors.add(new FieldProblem(path, "must be an event object"));
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldProblem(path + "." + name, "is not a known field"));
            }
        });
        String eventId = text(node, "eventId", path, UserEventRules.MAX_ID, true, errors);
        String userId = text(node, "userId", path, UserEventRules.MAX_USER_ID, true, errors);
        UserEventType type = null;
        String typeName = text(node, "type", path, 20, true, errors);
        if (typeName != null) {
            try {
                type = UserEventType.valueOf(typeName.toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                errors.add(new FieldProblem(path + ".type", "must be one of [track, attributes, identify]"));
            }
        }
        Instant occurredAt = now;
        JsonNode at = node.get("occurredAt");
        if (at != null && !at.isNull()) {
            try {
                occurredAt = Instant.parse(at.asText());
                if (occurredAt.isAfter(now.plus(config.maxFutureSkew()))) {
                    errors.add(new FieldProblem(path + ".occurredAt", "is more than " + config.maxFutureSkew()
                            .toMinutes() + " minutes in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldProblem(path + ".occurredAt", "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z"));
            }
        }
        String name = null;
        Map<String, Object> properties = Map.of();
        Map<String, Object> attributes = Map.of();
        if (type == UserEventType.TRACK) {
            name = text(node, "name", path, UserEventRules.MAX_ID, true, errors);
            String problem = UserEventRules.trackNameProblem(name);
            if (problem != null) {
                errors.add(new FieldProblem(path + ".name", problem));
            }
            properties = scalars(node.get("properties"), path + ".properties", false, errors);
            if (node.has("attributes")) {
                errors.add(new FieldProblem(path + ".attributes", "is not allowed on a track event"));
            }
        } else if (type != null) {
            if (node.has("name") || node.has("properties")) {
                errors.add(new FieldProblem(path + (node.has("name") ? ".name" : ".properties"),
                        "is allowed on track events only"));
            }
            attributes = scalars(node.get("attributes"), path + ".attributes", true, errors);
            if (type == UserEventType.ATTRIBUTES && attributes != null && attributes.isEmpty()) {
                errors.add(new FieldProblem(path + ".attributes", "must not be empty"));
            }
        }
        String anonymousId = text(node, "anonymousId", path, UserEventRules.MAX_USER_ID, false, errors);
        if (anonymousId != null && !AnonymousId.isAnonymous(anonymousId)) {
            errors.add(new FieldProblem(path + ".anonymousId", "must be an anonymous id the SDK generated (starting with '"
                    + AnonymousId.PREFIX + "'); a known user's profile is never merged into another"));
        }
        return new UserEvent(eventId, type, appId, userId, occurredAt, name, properties, attributes, anonymousId);
    }

    private static String text(JsonNode node, String field, String path, int max, boolean required,
            List<FieldProblem> errors) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldProblem(path + "." + field, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank() || value.asText().length() > max
                || value.asText().chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldProblem(path + "." + field, "must be a non-blank string of at most " + max
                    + " characters without control characters"));
            return null;
        }
        return value.asText();
    }

    /** A flat object of JSON scalars; {@code null} values allowed where they mean "remove". */
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
}
