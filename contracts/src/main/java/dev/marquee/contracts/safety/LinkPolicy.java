package dev.marquee.contracts.safety;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import dev.marquee.contracts.campaign.Message.Button.Action;

/**
 * Where a message may send a user, as an allowlist: {@code https} pages and images, and deep links whose scheme is one
 * the app declares as its own (settings {@code linkSchemes}); nothing else. Shared, like the template language,
 * because campaign-service (campaigns), delivery-service (inline sends) and the SDKs (through the sync response's
 * {@code linkSchemes}) must allow exactly the same.
 */
public final class LinkPolicy {

    /** How many schemes an app may declare. */
    public static final int MAX_APP_SCHEMES = 10;

    /** RFC 3986 scheme syntax, lower case, at most 32 characters. */
    private static final Pattern SCHEME = Pattern.compile("[a-z][a-z0-9+.-]{0,31}");

    /** Schemes that are web, run code, read local data or open other apps' handlers: never an app's own. */
    private static final Set<String> RESERVED = Set.of("http", "https", "javascript", "data", "file", "vbscript",
            "blob", "about", "content", "intent", "itms-services", "itms", "itms-apps", "jar", "ftp", "ftps", "ws",
            "wss", "view-source", "chrome", "filesystem", "mailto", "tel", "sms", "ms-appx", "res", "resource", "android-app");

    private LinkPolicy() {
    }

    /** Why a scheme may not be declared as an app's own, or empty when it may. */
    public static Optional<String> schemeProblem(String scheme) {
        if (scheme == null || !SCHEME.matcher(scheme).matches()) {
            return Optional.of("must be a URI scheme: a lower-case letter, then letters, digits, + . or - (at most 32)");
        }
        return RESERVED.contains(scheme)
                ? Optional.of("is not an app's own scheme (web, code, local data or system handlers)")
                : Optional.empty();
    }

    /**
     * Why a button's url is refused, or empty when it is fine (DISMISS and LOG_EVENT buttons take none).
     *
     * @param appSchemes the schemes the app declares as its own (settings {@code linkSchemes})
     */
    public static Optional<String> buttonProblem(Action action, String url, Collection<String> appSchemes) {
        return switch (action) {
            case DISMISS, LOG_EVENT -> url == null
                    ? Optional.empty()
                    : Optional.of("a " + action + " button takes no url");
            case URL -> httpsProblem(url);
            case DEEP_LINK -> parse(url).or(() -> {
                String scheme = URI.create(url).getScheme();
                return scheme != null && schemeProblem(scheme.toLowerCase(Locale.ROOT)).isEmpty()
                        && appSchemes.contains(scheme.toLowerCase(Locale.ROOT))
                                ? Optional.empty()
                                : Optional.of("must be a deep link with one of the app's own schemes (settings linkSchemes: "
                                        + appSchemes + ")");
            });
        };
    }

    /** Why a page or image url is refused (https with a host only), or empty when it is fine. */
    public static Optional<String> httpsProblem(String url) {
        return parse(url).or(() -> {
            URI uri = URI.create(url);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null
                    ? Optional.empty()
                    : Optional.of("must be an https URL with a host");
        });
    }

    private static Optional<String> parse(String url) {
        if (url == null || url.isBlank()) {
            return Optional.of("is required for this action");
        }
        try {
            new URI(url);
            return Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.of("is not a valid URL");
        }
    }
}
