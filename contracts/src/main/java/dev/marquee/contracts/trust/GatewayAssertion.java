package dev.marquee.contracts.trust;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The gateway's signature over what it asserts on a forwarded request ({@link AssertedRequest}), carried in
 * {@value #HEADER} as {@code v1.<iat>.<exp>.<sig>}: HMAC-SHA256 (base64url, unpadded) of the canonical text under a
 * key the gateway and the services share, valid for {@value #LIFETIME_SECONDS} s (give or take
 * {@value #SKEW_SECONDS} s of clock skew). The first key signs, every key verifies, so a key is rotated by adding the
 * new one second, then moving it first, then dropping the old one. Shared because the gateway must sign exactly what
 * campaign-, segment- and delivery-service verify.
 */
public final class GatewayAssertion {

    public static final String HEADER = "X-Marquee-Assertion";
    public static final long LIFETIME_SECONDS = 60;
    public static final long SKEW_SECONDS = 5;
    public static final int MIN_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final String VERSION = "v1";

    private final List<SecretKeySpec> keys;
    private final Clock clock;

    /**
     * @param keys the shared keys, each at least {@value #MIN_KEY_BYTES} bytes; the first signs
     * @throws IllegalArgumentException when there is none or one is too short
     */
    public GatewayAssertion(List<String> keys, Clock clock) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("marquee.trust.keys: at least one key is required");
        }
        this.keys = keys.stream().map(key -> {
            byte[] bytes = key.strip().getBytes(StandardCharsets.UTF_8);
            if (bytes.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException(
                        "marquee.trust.keys: each key must be at least " + MIN_KEY_BYTES + " bytes long");
            }
            return new SecretKeySpec(bytes, ALGORITHM);
        }).toList();
        this.clock = clock;
    }

    /** The header value vouching for {@code request}, issued now. */
    public String sign(AssertedRequest request) {
        long issuedAt = clock.instant().getEpochSecond();
        long expiresAt = issuedAt + LIFETIME_SECONDS;
        return VERSION + "." + issuedAt + "." + expiresAt + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac(keys.get(0), request, issuedAt, expiresAt));
    }

    /** Whether {@code header} is a current signature, under any of the keys, over exactly {@code request}. */
    public boolean verify(String header, AssertedRequest request) {
        if (header == null) {
            return false;
        }
        String[] parts = header.strip().split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            return false;
        }
        long issuedAt;
        long expiresAt;
        byte[] signature;
        try {
            issuedAt = Long.parseLong(parts[1]);
            expiresAt = Long.parseLong(parts[2]);
            signature = Base64.getUrlDecoder().decode(parts[3]);
        } catch (IllegalArgumentException e) {
            return false;
        }
        long now = clock.instant().getEpochSecond();
        if (expiresAt <= issuedAt || expiresAt - issuedAt > LIFETIME_SECONDS || issuedAt > now + SKEW_SECONDS
                || expiresAt < now - SKEW_SECONDS) {
            return false;
        }
        boolean valid = false;
        for (SecretKeySpec key : keys) {
            // every key is tried, so the time taken does not tell which one matched
            valid |= MessageDigest.isEqual(signature, mac(key, request, issuedAt, expiresAt));
        }
        return valid;
    }

    private static byte[] mac(SecretKeySpec key, AssertedRequest request, long issuedAt, long expiresAt) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(request.canonical(issuedAt, expiresAt).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
