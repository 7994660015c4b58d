package dev.marquee.gateway.edge;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.gateway.keys.service.KeyTable;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for the SDK API, allowlisted from the apps' SDK keys: an origin is allowed when some live SDK key lists it (no
 * {@code *}, ever). A preflight cannot be checked against a key (browsers send none with it); the real request is,
 * origin included ({@code Access.sdk}). The management API answers no CORS at all: browsers may not call it cross-origin.
 */
@ApplicationScoped
public class Cors {

    /** The web SDK's headers: its key, identity, the ETag of its last sync and the stream's resume point. */
    static final String ALLOWED_HEADERS = "X-Marquee-Key, X-Marquee-User-Id, X-Marquee-User-Signature, X-Request-Id, "
            + "Content-Type, If-None-Match, Last-Event-ID, traceparent, tracestate";
    static final String EXPOSED_HEADERS = "X-Request-Id, ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
            + "RateLimit-Reset";

    private final KeyTable table;

    public Cors(KeyTable table) {
        this.table = table;
    }

    /** On {@code /v1/sdk/**}: answers a preflight itself, marks other calls of an allowed origin readable. */
    public void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        HttpServerResponse response = ctx.response();
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (origin != null) {
            // caches must not hand one origin's answer to another
            response.putHeader(HttpHeaders.VARY, "Origin");
        }
        boolean allowed = origin != null && table.allowsOrigin(origin);
        if (preflight) {
            if (allowed) {
                response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, POST, PUT, DELETE")
                        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                        .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
            }
            // without the allow headers the browser refuses the real request: nothing more to say
            response.setStatusCode(204).end();
            return;
        }
        if (allowed) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        }
        ctx.next();
    }
}
