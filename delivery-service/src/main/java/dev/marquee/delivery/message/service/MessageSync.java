package dev.marquee.delivery.message.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.campaign.CampaignSnapshot;
import dev.marquee.delivery.app.service.WorkspaceSettingsIndex;
import dev.marquee.delivery.campaign.service.CampaignIndex;
import dev.marquee.delivery.decision.service.DecisionService;
import dev.marquee.delivery.decision.service.UserContext;
import io.smallrye.mutiny.Uni;

/**
 * The SDK's sync of the messages a user is eligible for now (targeting, segments, caps as they stand, without
 * reserving anything), with their triggers, so that the SDK can show them when their trigger fires, even offline.
 * The answer is serialized here, once: its version tag is the digest of exactly these bytes.
 */
@ApplicationScoped
public class MessageSync {

    /**
     * @param body the JSON of {@link SdkMessagesResponse}
     * @param etag a strong validator of {@code body}: the quoted hex of its SHA-256's first 16 bytes
     */
    public record Synced(byte[] body, String etag) {
    }

    private final CampaignIndex index;
    private final DecisionService decisions;
    private final ObjectMapper json;
    private final WorkspaceSettingsIndex workspaces;

    public MessageSync(CampaignIndex index, DecisionService decisions, ObjectMapper json,
            WorkspaceSettingsIndex workspaces) {
        this.index = index;
        this.decisions = decisions;
        this.json = json;
        this.workspaces = workspaces;
    }

    public Uni<Synced> eligible(String appId, UserContext user, Instant now) {
        return decisions.decide(appId, user, null, now, DecisionService.Mode.LOOK).map(decision -> {
            Set<String> eligible = Set.copyOf(decision.eligibleIds());
            List<SdkMessage> messages = index.all(appId).stream()
                    .filter(campaign -> eligible.contains(campaign.id()))
                    .flatMap((CampaignSnapshot campaign) -> SdkMessage
                            .of(campaign, user.userId(), user.locale(), decision.profile()).stream())
                    .toList();
            byte[] body = serialized(new SdkMessagesResponse(user.userId(), messages, decision.degraded(),
                    workspaces.of(appId).linkSchemes()));
            return new Synced(body, etag(body));
        });
    }

    private byte[] serialized(SdkMessagesResponse response) {
        try {
            return json.writeValueAsBytes(response);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the answer is always serializable", e);
        }
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
