package dev.marquee.campaign.campaign.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import dev.marquee.campaign.rest.InvalidFieldException;
import dev.marquee.contracts.campaign.Message.Button.Action;

/**
 * Where a message may send a user: {@code https} pages, and the app's own deep links (a custom scheme). Plain http and
 * the schemes that run code or read local data in a web view are refused.
 */
final class LinkPolicy {

    private static final Set<String> NOT_DEEP_LINKS = Set.of("http", "https", "javascript", "data", "file", "vbscript",
            "blob", "about", "content", "intent");

    private LinkPolicy() {
    }

    /** A button's target; {@code field} is the button's path, errors name its {@code url} or {@code event}. */
    static void check(String field, Action action, String url, String event) {
        if (action != Action.LOG_EVENT && event != null) {
            throw new InvalidFieldException(field + ".event", "only a LOG_EVENT button records an event");
        }
        switch (action) {
            case DISMISS, LOG_EVENT -> {
                if (url != null) {
                    throw new InvalidFieldException(field + ".url", "a " + action + " button takes no url");
                }
                if (action == Action.LOG_EVENT && (event == null || event.isBlank())) {
                    throw new InvalidFieldException(field + ".event", "is required for a LOG_EVENT button");
                }
            }
            case URL -> checkHttps(field + ".url", url);
            case DEEP_LINK -> {
                String urlField = field + ".url";
                URI uri = parse(urlField, url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (scheme.isEmpty() || NOT_DEEP_LINKS.contains(scheme)) {
                    throw new InvalidFieldException(urlField, "must be a deep link with the app's own scheme (myapp://…)");
                }
            }
        }
    }

    /** Images load over https only. */
    static void checkImage(String field, String url) {
        checkHttps(field, url);
    }

    private static void checkHttps(String field, String url) {
        URI uri = parse(field, url);
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidFieldException(field, "must be an https URL with a host");
        }
    }

    private static URI parse(String field, String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFieldException(field, "is required for this action");
        }
        try {
            return new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidFieldException(field, "is not a valid URL");
        }
    }
}
