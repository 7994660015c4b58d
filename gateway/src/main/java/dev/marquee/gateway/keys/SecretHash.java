package dev.marquee.gateway.keys;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one hash the platform stores for secrets: lowercase hex SHA-256 of the UTF-8 bytes. */
public final class SecretHash {

    private SecretHash() {
    }

    public static byte[] sha256(String secret) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    public static String sha256Hex(String secret) {
        return HexFormat.of().formatHex(sha256(secret));
    }

    /** True for a well-formed hash as campaign-service publishes it (64 hex digits, any case). */
    public static boolean isSha256Hex(String value) {
        return value != null && value.length() == 64 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
