package dev.marquee.gateway.routing;

import java.net.URI;
import java.time.Duration;

/** A service the gateway forwards to: where it listens and how long a call to it may take. */
public record Upstream(String name, String host, int port, boolean ssl, String basePath, Duration timeout) {

    public static Upstream of(String name, URI url, Duration timeout) {
        if (url.getHost() == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))) {
            throw new IllegalArgumentException("the " + name + " URL must be an absolute http(s) URL: " + url);
        }
        boolean ssl = "https".equals(url.getScheme());
        int port = url.getPort() > 0 ? url.getPort() : ssl ? 443 : 80;
        String path = url.getRawPath() == null ? "" : url.getRawPath();
        String basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return new Upstream(name, url.getHost(), port, ssl, basePath, timeout);
    }
}
