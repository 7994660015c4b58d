package dev.marquee.contracts.trust;

/**
 * What the gateway vouches for on one forwarded request: the method and request target exactly as forwarded, and
 * the values of its identity headers ({@code null} when the request carries none).
 *
 * @param method the HTTP method, e.g. {@code GET}
 * @param target the request target, path and query exactly as sent on the wire
 * @param appId {@code X-Marquee-App-Id}
 * @param principal {@code X-Marquee-Principal}
 * @param role {@code X-Marquee-Role}
 * @param verifiedUserId {@code X-Marquee-Verified-User-Id}
 */
public record AssertedRequest(String method, String target, String appId, String principal, String role,
        String verifiedUserId) {

    public static final String APP_ID_HEADER = "X-Marquee-App-Id";
    public static final String PRINCIPAL_HEADER = "X-Marquee-Principal";
    public static final String ROLE_HEADER = "X-Marquee-Role";
    public static final String VERIFIED_USER_HEADER = "X-Marquee-Verified-User-Id";

    /** The text the signature covers: one value a line, an absent value an empty line. */
    String canonical(long issuedAt, long expiresAt) {
        return String.join("\n", "marquee-assertion/v1", method, target, orEmpty(appId), orEmpty(principal),
                orEmpty(role), orEmpty(verifiedUserId), Long.toString(issuedAt), Long.toString(expiresAt));
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
