package dev.marquee.gateway.routing.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import dev.marquee.gateway.routing.Upstream;

/**
 * A {@code Location} (or {@code Content-Location}) that names the upstream's own address, as the services build it
 * from the {@code Host} they were called with, is rewritten to the address the client called: the upstream's internal
 * address never leaves the gateway. Any other value (relative, or another host) passes unchanged.
 */
final class PublicLocation {

    private PublicLocation() {
    }

    /**
     * @param publicScheme the scheme the client used ({@code http} or {@code https})
     * @param publicHost the {@code Host} the client sent (host and optional port)
     */
    static String of(String location, Upstream upstream, String publicScheme, String publicHost) {
        if (location == null || publicHost == null || publicHost.isEmpty()) {
            return location;
        }
        URI uri;
        try {
            uri = new URI(location);
        } catch (URISyntaxException e) {
            return location;
        }
        if (!uri.isAbsolute() || uri.getHost() == null) {
            return location;
        }
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        if (!uri.getHost().toLowerCase(Locale.ROOT).equals(upstream.host().toLowerCase(Locale.ROOT))
                || port != upstream.port()) {
            return location;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        if (!upstream.basePath().isEmpty() && path.startsWith(upstream.basePath())) {
            path = path.substring(upstream.basePath().length());
        }
        return publicScheme + "://" + publicHost + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }
}
