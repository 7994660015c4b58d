package dev.marquee.campaign.campaign.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

import dev.marquee.campaign.rest.InvalidFieldException;
import dev.marquee.contracts.campaign.ButtonAction;

/**
 * Where a message may send a user: {@code https} pages, and the app's own deep links (a custom scheme). Plain http and
 * the schemes that run code or read local data in a web view are refused.
 */
final class LinkPolicy {

    private static final Set<String> NOT_DEEP_LINKS = Set.of("http", "https", "javascript", "data", "file", "vbscript",
            "blob", "about", "content", "intent");

    private LinkPolicy() {
    }

    static void check(String field, ButtonAction action, String url) {
        switch (action) {
            case DISMISS -> {
                if (url != null) {
                    throw new InvalidFieldException(field, "a dismiss button takes no url");
                }
            }
            case URL -> {
                URI uri = parse(field, url);
                if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
                    throw new InvalidFieldException(field, "must be an https URL with a host");
                }
            }
            case DEEP_LINK -> {
                URI uri = parse(field, url);
                String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
                if (scheme.isEmpty() || NOT_DEEP_LINKS.contains(scheme)) {
                    throw new InvalidFieldException(field, "must be a deep link with the app's own scheme (myapp://…)");
                }
            }
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
