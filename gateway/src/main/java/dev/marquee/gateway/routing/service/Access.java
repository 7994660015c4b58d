package dev.marquee.gateway.routing.service;

import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.marquee.contracts.app.AdminRole;
import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.contracts.app.IdentitySecret;
import dev.marquee.contracts.app.SdkScope;
import dev.marquee.gateway.config.GatewayConfig;
import dev.marquee.gateway.keys.KnownCredential;
import dev.marquee.gateway.keys.SecretHash;
import dev.marquee.gateway.keys.UserSignature;
import dev.marquee.gateway.keys.service.KeyTable;
import dev.marquee.gateway.routing.ManagedResource;

/**
 * Who may call what: SDK keys on the SDK API, admin tokens on their own app, the operator token on every app and on
 * the app list. A valid token of another app gets 404 like an app that does not exist: workspaces stay invisible.
 */
@ApplicationScoped
public class Access {

    public static final String OPERATOR = "operator";

    private static final Logger LOG = Logger.getLogger(Access.class);

    private final KeyTable table;
    private final Optional<byte[]> operatorHash;
    private final Clock clock;

    @Inject
    public Access(KeyTable table, GatewayConfig config) {
        this(table, config.operatorTokenSha256(), Clock.systemUTC());
    }

    Access(KeyTable table, Optional<String> operatorTokenSha256, Clock clock) {
        this.table = table;
        this.clock = clock;
        this.operatorHash = operatorTokenSha256.map(String::trim).filter(hash -> {
            if (SecretHash.isSha256Hex(hash)) {
                return true;
            }
            LOG.warn("marquee.gateway.operator-token-sha256 is not 64 hex digits; the operator routes stay closed");
            return false;
        }).map(hash -> HexFormat.of().parseHex(hash.toLowerCase(Locale.ROOT)));
    }

    /**
     * {@code X-Marquee-Key} on {@code /v1/sdk/**}, which needs the scope its route asks for (reads {@code READ}, writes
     * {@code TRACK}, the explanations {@code DEBUG}). A key
     * bound to web origins or bundle ids needs the request to show one of them: a browser sets {@code Origin} itself
     * (a page cannot forge it), the mobile SDKs send {@code X-Marquee-Bundle-Id}.
     */
    public Verdict sdk(SdkRequest call) {
        String sdkKey = call.key();
        String origin = call.origin();
        String bundleId = call.bundleId();
        if (sdkKey == null || sdkKey.isBlank()) {
            return Verdict.unauthorized("The X-Marquee-Key header with an SDK key is required.");
        }
        Optional<KnownCredential> found = table.find(SecretHash.sha256Hex(sdkKey.trim()))
                .filter(c -> c.kind() == CredentialKind.SDK_KEY && c.liveAt(clock.instant()));
        if (found.isEmpty()) {
            return Verdict.unauthorized("The SDK key is not valid.");
        }
        KnownCredential key = found.get();
        SdkScope scope = call.scope();
        if (!key.scopes().contains(scope)) {
            return Verdict.forbidden("The SDK key lacks the " + scope.name().toLowerCase(Locale.ROOT) + " scope.");
        }
        if (origin != null && !key.allowedOrigins().isEmpty() && !key.allowedOrigins().contains(origin)
                || origin != null && key.allowedOrigins().isEmpty() && !key.bundleIds().isEmpty()) {
            return Verdict.forbidden("The SDK key is not valid for this origin.");
        }
        if (bundleId != null && !key.bundleIds().isEmpty() && !key.bundleIds().contains(bundleId)
                || bundleId != null && key.bundleIds().isEmpty() && !key.allowedOrigins().isEmpty()) {
            return Verdict.forbidden("The SDK key is not valid for this app bundle.");
        }
        if (key.bound() && origin == null && bundleId == null) {
            return Verdict.forbidden("The SDK key is bound to origins or bundle ids; the request shows neither.");
        }
        Optional<String> identityProblem = unverifiedIdentity(key.appId(), call);
        if (identityProblem.isPresent()) {
            return Verdict.unauthorized(identityProblem.get());
        }
        return new Verdict.Allowed(key.appId(), "sdk-key:" + key.credentialId(), key.name(), null, key);
    }

    /** True when the app verifies identities, so that a passing SDK call's user id is proven. */
    public boolean verifiesIdentity(String appId) {
        return !liveIdentitySecrets(appId).isEmpty();
    }

    /**
     * Identity verification: when the app has identity secrets, the call must name its user and carry the hex
     * HMAC-SHA256 of that user id under one of them; a {@code userId} in the query must be that user. Otherwise anyone
     * holding the public SDK key could read another user's messages by changing an id.
     */
    private Optional<String> unverifiedIdentity(String appId, SdkRequest call) {
        List<IdentitySecret> secrets = liveIdentitySecrets(appId);
        if (secrets.isEmpty()) {
            return Optional.empty();
        }
        if (call.userId() == null || call.userId().isEmpty() || call.signature() == null) {
            return Optional.of("This app verifies user identities: X-Marquee-User-Id and X-Marquee-User-Signature "
                    + "are required.");
        }
        if (call.queryUserIds() != null && call.queryUserIds().stream().anyMatch(q -> !q.equals(call.userId()))) {
            return Optional.of("The userId does not match the verified user.");
        }
        byte[] presented;
        try {
            presented = HexFormat.of().parseHex(call.signature().trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Optional.of("The user signature is not valid.");
        }
        for (IdentitySecret secret : secrets) {
            // constant time: the comparison must not tell how much of a forged signature matched
            if (MessageDigest.isEqual(UserSignature.hmac(secret.secret(), call.userId()), presented)) {
                return Optional.empty();
            }
        }
        return Optional.of("The user signature is not valid.");
    }

    private List<IdentitySecret> liveIdentitySecrets(String appId) {
        Instant now = clock.instant();
        return table.identitySecrets(appId).stream()
                .filter(s -> s.expiresAt() == null || s.expiresAt().isAfter(now))
                .toList();
    }

    /** {@code Authorization} on {@code GET|POST /v1/apps}: the operator only. */
    public Verdict operator(String authorization) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return Verdict.unauthorized("A bearer token is required.");
        }
        if (isOperator(token.get())) {
            return new Verdict.Allowed(null, OPERATOR);
        }
        if (table.find(SecretHash.sha256Hex(token.get()))
                .filter(c -> c.kind() == CredentialKind.ADMIN_TOKEN && c.liveAt(clock.instant())).isPresent()) {
            return Verdict.forbidden("Only the operator token may list or create apps.");
        }
        return Verdict.unauthorized("The bearer token is not valid.");
    }

    /**
     * {@code Authorization} on {@code /v1/apps/{appId}/{resource}/**}: an admin token of that app whose role suffices,
     * or the operator. In this order: no valid credential 401, another app 404, no such resource 404, role too weak 403.
     */
    public Verdict app(String authorization, String appId, String resource, boolean read) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return Verdict.unauthorized("A bearer token is required.");
        }
        boolean operator = isOperator(token.get());
        Optional<KnownCredential> found = operator
                ? Optional.empty()
                : table.find(SecretHash.sha256Hex(token.get()))
                        .filter(c -> c.kind() == CredentialKind.ADMIN_TOKEN && c.liveAt(clock.instant()));
        if (!operator && found.isEmpty()) {
            return Verdict.unauthorized("The bearer token is not valid.");
        }
        if (!operator && !found.get().appId().equals(appId)) {
            return Verdict.notFound();
        }
        Optional<ManagedResource> managed = ManagedResource.of(resource);
        if (managed.isEmpty()) {
            return Verdict.notFound();
        }
        if (operator) {
            return new Verdict.Allowed(appId, OPERATOR);
        }
        KnownCredential credential = found.get();
        AdminRole required = managed.get().required(read);
        if (!ManagedResource.suffices(credential.role(), required)) {
            return Verdict.forbidden("This needs the " + required.name().toLowerCase(Locale.ROOT) + " role; the token has "
                    + (credential.role() == null ? "none" : credential.role().name().toLowerCase(Locale.ROOT)) + ".");
        }
        return new Verdict.Allowed(appId, "admin-token:" + credential.credentialId(), credential.name(),
                credential.role(), credential);
    }

    private boolean isOperator(String token) {
        // constant time: the comparison must not tell how much of a guessed token's hash matched
        return operatorHash.map(expected -> MessageDigest.isEqual(expected, SecretHash.sha256(token))).orElse(false);
    }

    private static Optional<String> bearer(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.trim();
        if (value.length() <= 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String token = value.substring(7).trim();
        return token.isEmpty() ? Optional.empty() : Optional.of(token);
    }
}
