package dev.marquee.gateway.routing.service;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.gateway.config.GatewayConfig;
import dev.marquee.gateway.keys.KnownCredential;
import dev.marquee.gateway.keys.SecretHash;
import dev.marquee.gateway.keys.service.KeyTable;

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

    public Access(KeyTable table, GatewayConfig config) {
        this.table = table;
        this.operatorHash = config.operatorTokenSha256().map(String::trim).filter(hash -> {
            if (SecretHash.isSha256Hex(hash)) {
                return true;
            }
            LOG.warn("marquee.gateway.operator-token-sha256 is not 64 hex digits; the operator routes stay closed");
            return false;
        }).map(hash -> HexFormat.of().parseHex(hash.toLowerCase(Locale.ROOT)));
    }

    /** {@code X-Marquee-Key} on {@code /v1/sdk/**}. */
    public Verdict sdk(String sdkKey) {
        if (sdkKey == null || sdkKey.isBlank()) {
            return Verdict.unauthorized("The X-Marquee-Key header with an SDK key is required.");
        }
        Optional<KnownCredential> credential = table.find(SecretHash.sha256Hex(sdkKey.trim()))
                .filter(c -> c.kind() == CredentialKind.SDK_KEY);
        if (credential.isEmpty()) {
            return Verdict.unauthorized("The SDK key is not valid.");
        }
        return new Verdict.Allowed(credential.get().appId(), "sdk-key:" + credential.get().credentialId());
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
        if (table.find(SecretHash.sha256Hex(token.get())).filter(c -> c.kind() == CredentialKind.ADMIN_TOKEN).isPresent()) {
            return new Verdict.Refused(403, "Forbidden", "Only the operator token may list or create apps.");
        }
        return Verdict.unauthorized("The bearer token is not valid.");
    }

    /** {@code Authorization} on {@code /v1/apps/{appId}/**}: an admin token of that app, or the operator. */
    public Verdict app(String authorization, String appId) {
        Optional<String> token = bearer(authorization);
        if (token.isEmpty()) {
            return Verdict.unauthorized("A bearer token is required.");
        }
        if (isOperator(token.get())) {
            return new Verdict.Allowed(appId, OPERATOR);
        }
        Optional<KnownCredential> credential = table.find(SecretHash.sha256Hex(token.get()))
                .filter(c -> c.kind() == CredentialKind.ADMIN_TOKEN);
        if (credential.isEmpty()) {
            return Verdict.unauthorized("The bearer token is not valid.");
        }
        if (!credential.get().appId().equals(appId)) {
            return new Verdict.Refused(404, "Not found", "There is nothing at this path.");
        }
        return new Verdict.Allowed(appId, "admin-token:" + credential.get().credentialId());
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
