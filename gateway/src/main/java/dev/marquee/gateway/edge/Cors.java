package dev.marquee.gateway.edge;

import java.time.Clock;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import dev.marquee.contracts.app.CredentialKind;
import dev.marquee.gateway.keys.KnownCredential;
import dev.marquee.gateway.keys.SecretHash;
import dev.marquee.gateway.keys.service.KeyTable;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for the SDK API, allowlisted per SDK key: a call's answer is readable by an origin only when the key it presents
 * lists that origin (no {@code *}, ever), so an origin one app allows never reads another app's answers. A preflight
 * cannot be checked against a key (browsers send none with it): it is answered from the union of the live keys'
 * origins, which lets the browser send the real request, whose answer then carries the allowance only for its own
 * key. The management API answers no CORS at all: browsers may not call it cross-origin.
 */
@ApplicationScoped
public class Cors {

    /** The web SDK's headers: its key, identity, the ETag of its last sync and the stream's resume point. */
    static final String ALLOWED_HEADERS = "X-Marquee-Key, X-Marquee-User-Id, X-Marquee-User-Signature, X-Request-Id, "
            + "Content-Type, If-None-Match, Last-Event-ID, traceparent, tracestate";
    static final String EXPOSED_HEADERS = "X-Request-Id, ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
            + "RateLimit-Reset";

    private static final String SDK_KEY_HEADER = "X-Marquee-Key";

    private final KeyTable table;
    private final Clock clock;

    @Inject
    public Cors(KeyTable table) {
        this(table, Clock.systemUTC());
    }

    Cors(KeyTable table, Clock clock) {
        this.table = table;
        this.clock = clock;
    }

    /** Whether the presented key is a live SDK key that lists {@code origin}. */
    private boolean keyAllows(String sdkKey, String origin) {
        if (sdkKey == null || sdkKey.isBlank()) {
            return false;
        }
        Optional<KnownCredential> key = table.find(SecretHash.sha256Hex(sdkKey.trim()));
        return key.filter(k -> k.kind() == CredentialKind.SDK_KEY && k.liveAt(clock.instant())
                && k.allowedOrigins().contains(origin)).isPresent();
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
        if (preflight) {
            if (origin != null && table.allowsOrigin(origin)) {
                response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "GET, HEAD, POST, PUT, DELETE")
                        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                        .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
            }
            // without the allow headers the browser refuses the real request: nothing more to say
            response.setStatusCode(204).end();
            return;
        }
        if (origin != null && keyAllows(ctx.request().getHeader(SDK_KEY_HEADER), origin)) {
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        }
        ctx.next();
    }
}
