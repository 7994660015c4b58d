package dev.marquee.delivery.outcome.service;

import static dev.marquee.delivery.error.BodyFields.text;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.contracts.delivery.DeliveryOutcome;
import dev.marquee.contracts.delivery.OutcomeType;
import dev.marquee.delivery.campaign.service.CampaignIndex;
import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.error.FieldProblem;
import dev.marquee.delivery.error.InvalidFields;
import dev.marquee.delivery.outcome.messaging.OutcomePublisher;
import dev.marquee.delivery.outcome.repository.OutcomeStore;
import dev.marquee.delivery.outcome.repository.OutcomeStore.Claim;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /v1/sdk/interactions}: what the user did with a message (impression, click, dismiss, survey answer),
 * validated one by one and published to {@code delivery.outcomes.v1} at least once per client {@code eventId}: a
 * retry after a publication is answered {@code duplicate} and not published again; a retry while the first attempt
 * is still under way is published again (consumers are idempotent on the id).
 */
@ApplicationScoped
public class SdkInteractions {

    private static final Logger LOG = Logger.getLogger(SdkInteractions.class);
    private static final int MAX_BATCH = 100;
    private static final int MAX_ID = 128;
    /** How often, and how many times, an interaction id another attempt is publishing is looked at again. */
    private static final Duration PENDING_CHECK = Duration.ofMillis(100);
    private static final int PENDING_CHECKS = 20;
    /** The batch's fields: the user, the device context the interactions happened in, the interactions. */
    private static final Set<String> BATCH_FIELDS = Set.of("userId", "platform", "locale", "appVersion",
            "interactions");
    private static final Set<String> PLATFORMS = Set.of("ios", "android", "web");
    private static final Set<String> FIELDS = Set.of("eventId", "type", "campaignId", "version", "variant", "buttonId",
            "answers", "occurredAt");
    private static final Map<String, OutcomeType> TYPES = Map.of("impression", OutcomeType.IMPRESSION, "click",
            OutcomeType.CLICK, "dismiss", OutcomeType.DISMISS, "survey_answer", OutcomeType.SURVEY_ANSWER);

    public record Result(int index, String eventId, String status, List<FieldProblem> errors) {
    }

    private final CampaignIndex index;
    private final OutcomeStore store;
    private final OutcomePublisher publisher;
    private final DeliveryConfig config;

    public SdkInteractions(CampaignIndex index, OutcomeStore store, OutcomePublisher publisher,
            DeliveryConfig config) {
        this.index = index;
        this.store = store;
        this.publisher = publisher;
        this.config = config;
    }

    public Uni<List<Result>> record(String appId, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("body", "must be a JSON object with userId and interactions");
        }
        List<FieldProblem> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!BATCH_FIELDS.contains(name)) {
                errors.add(new FieldProblem(name, "is not a known field"));
            }
        });
        String userId = text(body, "userId", "", 256, true, errors);
        OutcomeContext context = context(body, errors);
        JsonNode items = body.get("interactions");
        if (items == null || !items.isArray() || items.isEmpty() || items.size() > MAX_BATCH) {
            errors.add(new FieldProblem("interactions", "must be an array of 1 to " + MAX_BATCH + " interactions"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields("The request has invalid fields.", errors);
        }
        Instant now = Instant.now();
        List<Uni<Result>> results = new ArrayList<>();
        List<FieldProblem> all = new ArrayList<>();
        int rejected = 0;
        for (int i = 0; i < items.size(); i++) {
            List<FieldProblem> itemErrors = new ArrayList<>();
            DeliveryOutcome outcome = read(appId, userId, items.get(i), "interactions[" + i + "]", now, itemErrors);
            int at = i;
            if (itemErrors.isEmpty()) {
                DeliveryOutcome inContext = context.applyTo(outcome);
                results.add(publishOnce(inContext).map(status -> new Result(at, outcome.eventId(), status, List.of())));
            } else {
                all.addAll(itemErrors);
                rejected++;
                JsonNode id = items.get(i).path("eventId");
                results.add(Uni.createFrom().item(new Result(at, id.isTextual() ? id.asText() : null, "rejected",
                        itemErrors)));
            }
        }
        if (rejected == items.size()) {
            throw new InvalidFields("No interaction of the batch is valid.", all);
        }
        // one after the other: the outcomes of one campaign keep the order the SDK sent them in
        return Multi.createFrom().iterable(results).onItem().transformToUniAndConcatenate(result -> result)
                .collect().asList();
    }

    /**
     * "accepted", or "duplicate" when this event id was published before. An id whose first attempt is still under
     * way after a wait is published again rather than answered "duplicate": that attempt may yet fail.
     */
    private Uni<String> publishOnce(DeliveryOutcome outcome) {
        String appId = outcome.appId();
        String userId = outcome.userId();
        String eventId = outcome.eventId();
        return settled(appId, userId, eventId, PENDING_CHECKS)
                // without Redis the id cannot be checked: publish anyway, consumers are idempotent on it
                .onFailure().recoverWithItem(Claim.NEW)
                .chain(claim -> claim == Claim.PUBLISHED
                        ? Uni.createFrom().item("duplicate")
                        : publisher.publish(outcome)
                                .call(() -> store.published(appId, userId, eventId)
                                        .onFailure().invoke(f -> LOG.warnf("interaction id %s not marked published: %s",
                                                eventId, f.getMessage()))
                                        .onFailure().recoverWithNull())
                                .replaceWith("accepted")
                                .onFailure().call(e -> store.forget(appId, userId, eventId)
                                        .onFailure().invoke(f -> LOG.warnf("interaction id %s not forgotten: %s",
                                                eventId, f.getMessage()))
                                        .onFailure().recoverWithNull()));
    }

    /**
     * The id's claim; while another attempt is under way (the page's send as it left and the resend on return), its
     * outcome is waited for a moment: published makes this a duplicate, failed lets this one publish, still pending
     * after the wait publishes again.
     */
    private Uni<Claim> settled(String appId, String userId, String eventId, int checks) {
        return store.claim(appId, userId, eventId).chain(claim -> claim != Claim.PENDING || checks == 0
                ? Uni.createFrom().item(claim)
                : Uni.createFrom().voidItem().onItem().delayIt().by(PENDING_CHECK)
                        .chain(() -> settled(appId, userId, eventId, checks - 1)));
    }

    /** The batch's device context (optional, as the SDK events batch has it): what the report splits by. */
    private static OutcomeContext context(JsonNode body, List<FieldProblem> errors) {
        String platform = text(body, "platform", "", 20, false, errors);
        if (platform != null && !PLATFORMS.contains(platform.toLowerCase(Locale.ROOT))) {
            errors.add(new FieldProblem("platform", "must be one of [ios, android, web]"));
            platform = null;
        }
        String locale = text(body, "locale", "", 35, false, errors);
        String appVersion = text(body, "appVersion", "", 64, false, errors);
        return new OutcomeContext(platform == null ? null : platform.toLowerCase(Locale.ROOT), locale, appVersion);
    }

    private DeliveryOutcome read(String appId, String userId, JsonNode node, String path, Instant now,
            List<FieldProblem> errors) {
        if (!node.isObject()) {
            errors.add(new FieldProblem(path, "must be an interaction object"));
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                errors.add(new FieldProblem(path + "." + name, "is not a known field"));
            }
        });
        String eventId = text(node, "eventId", path + ".", MAX_ID, true, errors);
        String typeName = text(node, "type", path + ".", 20, true, errors);
        OutcomeType type = typeName == null ? null : TYPES.get(typeName.toLowerCase(Locale.ROOT));
        if (typeName != null && type == null) {
            errors.add(new FieldProblem(path + ".type", "must be one of " + TYPES.keySet().stream().sorted().toList()));
        }
        String campaignId = text(node, "campaignId", path + ".", MAX_ID, true, errors);
        // a message shown before its campaign was paused or ended still has its outcomes counted
        Optional<CampaignSnapshot> campaign = campaignId == null ? Optional.empty() : index.shown(appId, campaignId);
        if (campaignId != null && campaign.isEmpty()) {
            errors.add(new FieldProblem(path + ".campaignId", "is not a campaign of this app that went live"));
        }
        JsonNode version = node.get("version");
        if (version == null || !version.canConvertToLong() || !version.isIntegralNumber() || version.asLong() < 1) {
            errors.add(new FieldProblem(path + ".version", "must be the campaign version shown (a positive integer)"));
        }
        String variant = text(node, "variant", path + ".", MAX_ID, true, errors);
        if (variant != null && campaign.isPresent()
                && campaign.get().variants().stream().noneMatch(v -> v.id().equals(variant))) {
            errors.add(new FieldProblem(path + ".variant", "is not a variant of the campaign"));
        }
        String buttonId = text(node, "buttonId", path + ".", MAX_ID, type == OutcomeType.CLICK, errors);
        if (type != OutcomeType.CLICK && node.has("buttonId")) {
            errors.add(new FieldProblem(path + ".buttonId", "is allowed on click only"));
        }
        Map<String, Object> answers = Map.of();
        if (type == OutcomeType.SURVEY_ANSWER) {
            // checked against the questions of the variant shown; an unknown variant is reported above
            Optional<Variant> shown = campaign.flatMap(c -> c.variants().stream()
                    .filter(v -> v.id().equals(variant)).findFirst());
            if (shown.isPresent() && shown.get().message() == null) {
                errors.add(new FieldProblem(path + ".answers", "are for a survey; the variant shown has no message"));
            } else {
                answers = SurveyAnswers.read(node.get("answers"), shown.map(Variant::message), path + ".answers",
                        errors);
            }
        } else if (node.has("answers")) {
            errors.add(new FieldProblem(path + ".answers", "is allowed on survey_answer only"));
        }
        Instant occurredAt = now;
        JsonNode at = node.get("occurredAt");
        if (at != null && !at.isNull()) {
            try {
                occurredAt = Instant.parse(at.asText());
                if (occurredAt.isAfter(now.plus(config.maxFutureSkew()))) {
                    errors.add(new FieldProblem(path + ".occurredAt", "is in the future"));
                }
            } catch (DateTimeParseException e) {
                errors.add(new FieldProblem(path + ".occurredAt", "must be an ISO-8601 instant"));
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new DeliveryOutcome(eventId, type, appId, userId, campaignId, version.asLong(), variant, occurredAt,
                buttonId, answers, null);
    }

    private static InvalidFields invalid(String field, String message) {
        return new InvalidFields("The request has invalid fields.", List.of(new FieldProblem(field, message)));
    }
}
