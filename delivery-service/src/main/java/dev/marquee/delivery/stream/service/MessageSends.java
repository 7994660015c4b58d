package dev.marquee.delivery.stream.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.contracts.campaign.CampaignState;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageRules;
import dev.marquee.contracts.campaign.Variant;
import dev.marquee.contracts.template.MessageRenderer;
import dev.marquee.contracts.template.TemplateException;
import dev.marquee.delivery.app.service.WorkspaceSettingsIndex;
import dev.marquee.delivery.campaign.service.CampaignIndex;
import dev.marquee.delivery.config.DeliveryConfig;
import dev.marquee.delivery.decision.service.VariantAssignment;
import dev.marquee.delivery.error.BodyFields;
import dev.marquee.delivery.error.FieldProblem;
import dev.marquee.delivery.error.InvalidFields;
import dev.marquee.delivery.error.TooLarge;
import dev.marquee.delivery.outcome.service.ControlExposures;
import dev.marquee.delivery.outcome.service.OutcomeContext;
import dev.marquee.delivery.stream.repository.OutboxStore;
import io.smallrye.mutiny.Uni;

/**
 * {@code POST /v1/apps/{appId}/messages/send}: an active campaign (each user gets their variant; the control group
 * gets nothing, and its exposure is recorded) or an inline message (transactional) to the given users now. The app's
 * test users (settings {@code testUsers}) may be sent any campaign, drafts included, with a {@code variant} of their
 * choice (a preview: no assignment, no exposure). A campaign not known yet is waited for a moment, so a send right
 * after {@code activate} succeeds. Sends are not capped: the app's backend decided. Delivered over the user's stream wherever it is connected, else
 * kept for {@code ttlSeconds} and delivered when the stream next connects.
 */
@ApplicationScoped
public class MessageSends {

    private static final int MAX_USERS = 1000;
    private static final long MAX_TTL_SECONDS = Duration.ofDays(7).toSeconds();

    /** One user's outcome: {@code queued} with the stream event id, or {@code control_group}. */
    public record Sent(String userId, String status, Long eventId) {
    }

    private final CampaignIndex index;
    private final WorkspaceSettingsIndex workspaces;
    private final ControlExposures exposures;
    private final OutboxStore outbox;
    private final ObjectMapper json;
    private final Duration defaultTtl;
    private final long maxTotalBytes;
    private final Duration campaignWait;

    public MessageSends(CampaignIndex index, WorkspaceSettingsIndex workspaces, ControlExposures exposures,
            OutboxStore outbox, ObjectMapper json, DeliveryConfig config) {
        this.index = index;
        this.workspaces = workspaces;
        this.exposures = exposures;
        this.outbox = outbox;
        this.json = json;
        this.defaultTtl = config.stream().defaultTtl();
        this.maxTotalBytes = config.send().maxTotalBytes();
        this.campaignWait = config.send().campaignWait();
    }

    public Uni<List<Sent>> send(String appId, JsonNode body) {
        if (body == null || !body.isObject()) {
            throw invalid("body", "must be a JSON object with userIds and campaignId or message");
        }
        List<FieldProblem> errors = new ArrayList<>();
        body.fieldNames().forEachRemaining(name -> {
            if (!List.of("userIds", "campaignId", "variant", "message", "ttlSeconds").contains(name)) {
                errors.add(new FieldProblem(name, "is not a known field"));
            }
        });
        LinkedHashSet<String> users = new LinkedHashSet<>();
        JsonNode ids = body.get("userIds");
        if (ids == null || !ids.isArray() || ids.isEmpty() || ids.size() > MAX_USERS) {
            errors.add(new FieldProblem("userIds", "must be an array of 1 to " + MAX_USERS + " user ids"));
        } else {
            for (int i = 0; i < ids.size(); i++) {
                JsonNode id = ids.get(i);
                if (!id.isTextual() || id.asText().isBlank() || id.asText().length() > 256
                        || id.asText().chars().anyMatch(Character::isISOControl)) {
                    errors.add(new FieldProblem("userIds[" + i + "]", "must be a user id of 1 to 256 characters"));
                } else {
                    users.add(id.asText());
                }
            }
        }
        long ttl = defaultTtl.toSeconds();
        JsonNode ttlNode = body.get("ttlSeconds");
        if (ttlNode != null && (!ttlNode.isIntegralNumber() || ttlNode.asLong() < 1 || ttlNode.asLong() > MAX_TTL_SECONDS)) {
            errors.add(new FieldProblem("ttlSeconds", "must be between 1 and " + MAX_TTL_SECONDS));
        } else if (ttlNode != null) {
            ttl = ttlNode.asLong();
        }
        boolean byCampaign = body.hasNonNull("campaignId");
        boolean inline = body.hasNonNull("message");
        if (byCampaign == inline) {
            errors.add(new FieldProblem("campaignId", "exactly one of campaignId and message is required"));
        }
        if (byCampaign && !body.get("campaignId").isTextual()) {
            errors.add(new FieldProblem("campaignId", "must be a campaign id"));
        }
        String variant = BodyFields.text(body, "variant", "", 128, false, errors);
        if (variant != null && !byCampaign) {
            errors.add(new FieldProblem("variant", "is for a campaign send only"));
        }
        Message message = inline ? message(appId, body.get("message"), errors) : null;
        if (!errors.isEmpty()) {
            // the request is refused anyway: say at once whether the campaign is known too
            if (byCampaign && body.get("campaignId").isTextual()
                    && index.known(appId, body.get("campaignId").asText()).isEmpty()) {
                errors.add(new FieldProblem("campaignId", "is not a campaign of this app"));
            }
            throw new InvalidFields("The request has invalid fields.", errors);
        }
        Send send = new Send(appId, List.copyOf(users), Duration.ofSeconds(ttl), Instant.now());
        if (inline) {
            return deliver(send, null, null, message);
        }
        String campaignId = body.get("campaignId").asText();
        // test users get any campaign of the app, drafts included; others an active one. Both the campaign and the
        // settings naming the test users may still be on their way here: they are waited for a moment
        return index.await(() -> toTestUsers(send) ? index.known(appId, campaignId) : index.get(appId, campaignId),
                campaignWait).chain(campaign -> {
                    boolean toTestUsers = toTestUsers(send);
                    if (campaign.isEmpty()) {
                        throw invalid("campaignId", toTestUsers
                                ? "is not a campaign of this app"
                                : "is not an active campaign of this app (drafts and stopped campaigns may be sent"
                                        + " to the app's test users only: settings testUsers)");
                    }
                    Optional<Variant> chosen = Optional.empty();
                    if (variant != null) {
                        if (!toTestUsers) {
                            throw invalid("variant", "may be chosen only when every user is one of the app's test"
                                    + " users (settings testUsers)");
                        }
                        chosen = campaign.get().variants().stream().filter(v -> v.id().equals(variant)).findFirst();
                        if (chosen.isEmpty()) {
                            throw invalid("variant", "is not a variant of the campaign");
                        }
                    } else if (campaign.get().state() != CampaignState.ACTIVE) {
                        // a preview without a chosen variant shows the first
                        chosen = campaign.get().variants().stream().findFirst();
                    }
                    return deliver(send, campaign.get(), chosen.orElse(null), null);
                });
    }

    private boolean toTestUsers(Send send) {
        return workspaces.of(send.appId()).testUsers().containsAll(send.users());
    }

    private record Send(String appId, List<String> users, Duration ttl, Instant at) {
    }

    /**
     * An inline message, a campaign's assigned variants (the control group's exposure recorded instead), or a preview
     * of one chosen variant (a test user's: no assignment, no exposure).
     */
    private Uni<List<Sent>> deliver(Send send, CampaignSnapshot campaign, Variant preview, Message message) {
        long perUser = campaign == null
                ? bytes(message)
                : campaign.variants().stream().mapToLong(v -> bytes(v.message())).max().orElse(0);
        if (perUser * send.users().size() > maxTotalBytes) {
            throw new TooLarge("message", "this send would copy " + perUser * send.users().size()
                    + " bytes into outboxes (message size times users); at most " + maxTotalBytes
                    + " are allowed: send to fewer users at once or make the message smaller");
        }
        List<Uni<Sent>> sends = new ArrayList<>();
        for (String userId : send.users()) {
            if (campaign == null) {
                sends.add(append(send, userId, null, 0, null, message, false));
                continue;
            }
            if (preview != null) {
                sends.add(append(send, userId, campaign.id(), campaign.version(), preview.id(), preview.message(),
                        true));
                continue;
            }
            Optional<Variant> variant = VariantAssignment.of(campaign, userId);
            if (variant.isEmpty()) {
                // the send is the cause: a send has no idempotency key, so a repeated send is another exposure
                sends.add(exposures.record(send.appId(), userId, campaign, send.at(), "send:" + send.at().toEpochMilli(),
                        OutcomeContext.UNKNOWN)
                        .replaceWith(new Sent(userId, "control_group", null)));
                continue;
            }
            sends.add(append(send, userId, campaign.id(), campaign.version(), variant.get().id(),
                    variant.get().message(), false));
        }
        return Uni.join().all(sends).andFailFast();
    }

    private Uni<Sent> append(Send send, String userId, String campaignId, long version, String variant,
            Message message, boolean preview) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("type", "message");
        payload.put("campaignId", campaignId);
        payload.put("version", version);
        payload.put("variant", variant);
        payload.put("sentAt", send.at().toString());
        if (preview) {
            payload.put("preview", true);
        }
        payload.put("message", message);
        try {
            return outbox.append(send.appId(), userId, json.writeValueAsString(payload), send.ttl())
                    .map(seq -> new Sent(userId, "queued", seq));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message is always serializable", e);
        }
    }

    /** An inline message must be a message the SDK can render: known fields, and templates in the language. */
    private Message message(String appId, JsonNode node, List<FieldProblem> errors) {
        try {
            Message message = json.treeToValue(node, Message.class);
            List<MessageRules.Problem> problems = MessageRules.problems(message, workspaces.of(appId), "message");
            if (!problems.isEmpty()) {
                problems.forEach(p -> errors.add(new FieldProblem(p.field(), p.message())));
                return null;
            }
            MessageRenderer.render(message, null, Map.of());
            return message;
        } catch (TemplateException e) {
            errors.add(new FieldProblem("message", e.getMessage()));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            errors.add(new FieldProblem("message", "is not a valid message (unknown field or wrong type)"));
        }
        return null;
    }

    private long bytes(Message message) {
        try {
            return json.writeValueAsBytes(message).length;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a message is always serializable", e);
        }
    }

    private static InvalidFields invalid(String field, String message) {
        return new InvalidFields("The request has invalid fields.", List.of(new FieldProblem(field, message)));
    }
}
