package dev.marquee.gateway.test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.marquee.contracts.Topics;
import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.AppEvent;
import dev.marquee.contracts.app.AppEventType;
import dev.marquee.contracts.app.Credential;
import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.contracts.app.SdkScope;
import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.gateway.keys.SecretHash;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Publishes {@code app.events.v1} records as campaign-service does: JSON, keyed by app id, hashes only. */
public final class AppEvents {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private AppEvents() {
    }

    /** An app with these live credentials (the full list, as every event carries). */
    public static AppEvent app(String appId, Credential... credentials) {
        return new AppEvent(UUID.randomUUID().toString(), AppEventType.CREDENTIALS_CHANGED, appId, "Shop " + appId,
                Instant.now(), List.of(credentials), WorkspaceSettings.DEFAULTS);
    }

    /** The app's snapshot number {@code version}, with these live credentials. */
    public static AppEvent app(String appId, long version, Credential... credentials) {
        return new AppEvent(UUID.randomUUID().toString(), AppEventType.CREDENTIALS_CHANGED, appId, "Shop " + appId,
                Instant.now(), List.of(credentials), WorkspaceSettings.DEFAULTS, List.of(), version);
    }

    /** What campaign-service publishes last for a deleted app: {@code DELETED}, nothing valid left. */
    public static AppEvent deleted(String appId, long version) {
        return new AppEvent(UUID.randomUUID().toString(), AppEventType.DELETED, appId, "Shop " + appId,
                Instant.now(), List.of(), WorkspaceSettings.DEFAULTS, List.of(), version);
    }

    public static Credential sdkKey(String id, String secret) {
        return new Credential(id, CredentialKind.SDK_KEY, "web", null, SecretHash.sha256Hex(secret));
    }

    public static Credential adminToken(String id, String secret) {
        return adminToken(id, secret, AdminRole.ADMIN);
    }

    public static Credential adminToken(String id, String secret, AdminRole role) {
        return new Credential(id, CredentialKind.ADMIN_TOKEN, "ci", role, SecretHash.sha256Hex(secret));
    }

    /** An SDK key with these scopes, bound to these origins and bundle ids (empty: unbound), expiring at {@code end}. */
    public static Credential sdkKey(String id, String secret, List<SdkScope> scopes, List<String> origins,
            List<String> bundleIds, Instant end) {
        return new Credential(id, CredentialKind.SDK_KEY, "web", null, SecretHash.sha256Hex(secret), scopes, origins,
                bundleIds, end);
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static void publish(String bootstrap, AppEvent event) {
        try {
            publishRaw(bootstrap, event.appId(), JSON.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any value, including {@code null} (a tombstone) and text that is not an event. */
    public static void publishRaw(String bootstrap, String appId, String value) {
        try (KafkaCompanion companion = new KafkaCompanion(bootstrap)) {
            companion.produceStrings()
                    .fromRecords(new ProducerRecord<>(Topics.APP_EVENTS, appId, value))
                    .awaitCompletion(Duration.ofSeconds(15));
        }
    }
}
