package dev.marquee.gateway.edge;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;

/**
 * Headers every API answer carries, the upstream's included (set last, so an upstream cannot weaken them). The API
 * answers JSON and event streams only, so nothing of it may be sniffed, framed or run as a page.
 */
public final class SecurityHeaders {

    private SecurityHeaders() {
    }

    public static void handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
            headers.set("Referrer-Policy", "no-referrer");
            headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            headers.set("Cross-Origin-Resource-Policy", "cross-origin");
        });
        ctx.next();
    }
}
