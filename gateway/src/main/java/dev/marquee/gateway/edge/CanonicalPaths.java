package dev.marquee.gateway.edge;

import java.util.Optional;

import dev.marquee.gateway.refusal.Refusal;

/**
 * Only canonical paths pass the edge: the credential and the scope are decided on the path as it was sent, and that
 * path is the one routed and forwarded, so no spelling may mean another path to the gateway's router or to the
 * upstream. Refused with 400 (problem+json): a {@code .} or {@code ..} segment, an empty segment ({@code //}), a
 * backslash, a {@code ;} (matrix parameters, which JAX-RS strips), a malformed {@code %} escape, an escape of a
 * character that needs none (letters, digits, {@code -._~}) or of {@code /}, {@code \} or a control character.
 * Nothing in the API needs any of them. The routes answer the {@link Refusal} (problem+json, in {@code rest}).
 */
public final class CanonicalPaths {

    private CanonicalPaths() {
    }

    /** The 400 for a path that is not canonical; empty when it is. First on every route. */
    public static Optional<Refusal> refusal(String rawPath) {
        return problem(rawPath).map(CanonicalPaths::refusalFor);
    }

    /**
     * The router's own 400 (a path it cannot decode, such as {@code %zz}, fails before any route): answered as a
     * non-canonical path too.
     */
    public static Refusal undecodable(String rawPath) {
        return refusalFor(problem(rawPath).orElse("the request target cannot be decoded"));
    }

    private static Refusal refusalFor(String problem) {
        return Refusal.of(400, "Bad request", "The path is not canonical: " + problem
                + ". Send it without dot segments, empty segments, backslashes, ';' or needless %-escapes.");
    }

    /** Why {@code rawPath} (the request target's path, not decoded) is not canonical; empty when it is. */
    public static Optional<String> problem(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return Optional.of("it does not start with '/'");
        }
        int segmentStart = 1;
        for (int i = 1; i <= rawPath.length(); i++) {
            if (i == rawPath.length() || rawPath.charAt(i) == '/') {
                String segment = rawPath.substring(segmentStart, i);
                if (segment.equals(".") || segment.equals("..")) {
                    return Optional.of("it has a '" + segment + "' segment");
                }
                if (segment.isEmpty() && i < rawPath.length()) {
                    return Optional.of("it has an empty segment ('//')");
                }
                segmentStart = i + 1;
                continue;
            }
            char c = rawPath.charAt(i);
            if (c == '\\') {
                return Optional.of("it has a backslash");
            }
            if (c == ';') {
                return Optional.of("it has a ';'");
            }
            if (c < 0x21 || c == 0x7f) {
                return Optional.of("it has a control character or space");
            }
            if (c == '%') {
                int decoded = i + 2 < rawPath.length() ? hexByte(rawPath.charAt(i + 1), rawPath.charAt(i + 2)) : -1;
                if (decoded < 0) {
                    return Optional.of("it has a malformed %-escape");
                }
                if (unreserved(decoded) || decoded == '/' || decoded == '\\' || decoded < 0x20 || decoded == 0x7f) {
                    return Optional.of("it escapes '" + rawPath.substring(i, i + 3) + "', which must be sent as is "
                            + "or not at all");
                }
                i += 2;
            }
        }
        return Optional.empty();
    }

    private static boolean unreserved(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.'
                || c == '_' || c == '~';
    }

    private static int hexByte(char high, char low) {
        int h = Character.digit(high, 16);
        int l = Character.digit(low, 16);
        return h < 0 || l < 0 ? -1 : h * 16 + l;
    }
}
