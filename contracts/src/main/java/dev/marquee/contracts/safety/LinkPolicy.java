package dev.marquee.contracts.safety;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import dev.marquee.contracts.campaign.Message.Button.Action;

/**
 * Where a message may send a user: {@code https} pages and images, and the app's own deep links (a custom scheme).
 * Plain http and the schemes that run code or read local data in a web view are refused. Shared, like the template
 * language, because campaign-service (campaigns) and delivery-service (inline sends) must refuse exactly the same.
 */
public final class LinkPolicy {

    private static final Set<String> NOT_DEEP_LINKS = Set.of("http", "https", "javascript", "data", "file", "vbscript",
            "blob", "about", "content", "intent");

    private LinkPolicy() {
    }

    /** Why a button's url is refused, or empty when it is fine (DISMISS and LOG_EVENT buttons take none). */
    public static Optional<String> buttonProblem(Action action, String url) {
        return switch (action) {
            case DISMISS, LOG_EVENT -> url == null
                    ? Optional.empty()
                    : Optional.of("a " + action + " button takes no url");
            case URL -> httpsProblem(url);
            case DEEP_LINK -> parse(url).or(() -> {
                String scheme = URI.create(url).getScheme();
                return scheme == null || NOT_DEEP_LINKS.contains(scheme.toLowerCase(Locale.ROOT))
                        ? Optional.of("must be a deep link with the app's own scheme (myapp://…)")
                        : Optional.empty();
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
