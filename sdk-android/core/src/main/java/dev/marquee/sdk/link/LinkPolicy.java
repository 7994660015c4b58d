package dev.marquee.sdk.link;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The link policy of the SDKs and the server (contracts {@code LinkPolicy}, web {@code links.ts}): an https URL with a
 * host, or a deep link with one of the app's own schemes. Everything else is refused, even a dangerous scheme an app
 * listed as a deep link by mistake.
 */
public final class LinkPolicy {

    // Set.of is not on Android API 26
    private static final Set<String> NEVER_DEEP_LINKS = Collections.unmodifiableSet(new HashSet<>(Arrays.asList("http",
            "https", "javascript", "data", "file", "vbscript", "blob", "about", "content", "intent")));

    private LinkPolicy() {
    }

    /** The normalized URL to open (what was checked is what is opened), or null when the policy refuses it. */
    public static String allowedLink(String url, Collection<String> deepLinkSchemes) {
        if (url == null || url.trim().isEmpty()) {
            return null;
        }
        URI parsed;
        try {
            parsed = new URI(url.trim());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = parsed.getScheme();
        if (scheme == null) {
            return null;
        }
        scheme = scheme.toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return https(parsed);
        }
        if (NEVER_DEEP_LINKS.contains(scheme)) {
            return null;
        }
        for (String allowed : deepLinkSchemes) {
            if (allowed.replaceAll(":$", "").toLowerCase(Locale.ROOT).equals(scheme)) {
                return scheme + url.trim().substring(parsed.getScheme().length());
            }
        }
        return null;
    }

    /** As a browser's URL parser writes it: lower-case host, "/" for an empty path. */
    private static String https(URI uri) {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            return null;
        }
        StringBuilder out = new StringBuilder("https://");
        if (uri.getRawUserInfo() != null) {
            out.append(uri.getRawUserInfo()).append('@');
        }
        out.append(host.toLowerCase(Locale.ROOT));
        if (uri.getPort() != -1 && uri.getPort() != 443) {
            out.append(':').append(uri.getPort());
        }
        String path = uri.getRawPath();
        out.append(path == null || path.isEmpty() ? "/" : path);
        if (uri.getRawQuery() != null) {
            out.append('?').append(uri.getRawQuery());
        }
        if (uri.getRawFragment() != null) {
            out.append('#').append(uri.getRawFragment());
        }
        return out.toString();
    }
}
