package dev.marquee.gateway.routing.service;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.contracts.trust.GatewayAssertion;
import dev.marquee.gateway.config.GatewayConfig;
import dev.marquee.gateway.config.TrustConfig;
import dev.marquee.gateway.edge.RequestIds;
import dev.marquee.gateway.edge.RequestLimits;
import dev.marquee.gateway.refusal.Refusal;
import dev.marquee.gateway.routing.Upstream;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.ConnectionPoolTooBusyException;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.RoutingContext;

/**
 * Streams a request to an upstream service and its answer back, body bytes piped both ways (no buffering, so that
 * server-sent events pass through). Failures before the answer started become 503 (unreachable), 504 (timeout) or
 * 502 (broken answer) {@link Refusal}s, handed to the caller's {@code refuse} (which answers them as problem+json);
 * never a hang, never a 500.
 */
@ApplicationScoped
public class UpstreamProxy {

    private static final Logger LOG = Logger.getLogger(UpstreamProxy.class);

    /** Meaningful for one connection only (RFC 9110 §7.6.1), plus what the gateway itself sets or strips. */
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te",
            "trailer", "upgrade", "proxy-connection", "proxy-authenticate", "proxy-authorization");

    /** Identity the gateway vouches for: whatever the client sent under these names is dropped. */
    private static final Set<String> NEVER_FORWARDED = Set.of("host", "authorization", "x-marquee-key",
            "x-marquee-app-id", "x-marquee-principal", "x-marquee-role", "x-marquee-verified-user-id",
            "x-marquee-user-signature", "x-marquee-assertion", "x-request-id");

    private final HttpClient client;

    /**
     * The routing context key of the app a call is for ({@code null}: none, the app list): the breaker is per
     * upstream address and app, so that one tenant's failing calls (timeouts of a heavy query, say) cannot hold back
     * every tenant's. The SDK and management routes of one app on delivery-service share one.
     */
    public static final String BREAKER_APP_KEY = "marquee.breaker-app";

    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final int breakerThreshold;
    private final Duration breakerOpenFor;

    private final OpenTelemetry openTelemetry;
    private final GatewayAssertion assertion;

    public UpstreamProxy(Vertx vertx, GatewayConfig config, TrustConfig trust, OpenTelemetry openTelemetry) {
        this.openTelemetry = openTelemetry;
        this.assertion = new GatewayAssertion(trust.keys(), Clock.systemUTC());
        this.breakerThreshold = config.circuitBreaker().failureThreshold();
        this.breakerOpenFor = config.circuitBreaker().openFor();
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setKeepAlive(true)
                .setMaxPoolSize(256)
                .setMaxWaitQueueSize(1024)
                .setDecompressionSupported(false));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /**
     * Forwards the current request to {@code upstream} with the gateway's own headers added.
     *
     * @param gatewayHeaders headers set by the gateway (identity, app), after the client's were filtered
     * @param refuse answers the call in the upstream's stead: open breaker, unreachable, timeout, broken answer, a
     *        streamed body over its limit
     */
    public void forward(RoutingContext ctx, Upstream upstream, Map<String, String> gatewayHeaders,
            Consumer<Refusal> refuse) {
        HttpServerRequest inbound = ctx.request();
        // nothing of the body may be read before the upstream request exists to pipe it into
        inbound.pause();
        String requestId = ctx.get(RequestIds.CONTEXT_KEY);
        long timeout = upstream.timeout().toMillis();

        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        Set<String> connectionScoped = connectionScoped(inbound.headers());
        inbound.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !NEVER_FORWARDED.contains(name) && !connectionScoped.contains(name)
                    && !name.startsWith("proxy-")) {
                headers.add(header.getKey(), header.getValue());
            }
        });
        if (inbound.host() != null) {
            headers.set("X-Forwarded-Host", inbound.host());
        }
        headers.set("X-Forwarded-Proto", inbound.scheme() == null ? "http" : inbound.scheme());
        headers.set(RequestIds.HEADER, requestId);
        // the gateway's own span becomes the parent of the upstream's (a no-op while the SDK is disabled, and then
        // the client's traceparent, copied above, passes through as it came)
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, MultiMap::set);
        gatewayHeaders.forEach(headers::set);

        String query = inbound.query();
        String target = upstream.basePath() + ctx.normalizedPath() + (query == null ? "" : "?" + query);
        // what the services believe of the headers above, signed over exactly what they will receive
        headers.set(GatewayAssertion.HEADER, assertion.sign(new AssertedRequest(inbound.method().name(), target,
                headers.get(AssertedRequest.APP_ID_HEADER), headers.get(AssertedRequest.PRINCIPAL_HEADER),
                headers.get(AssertedRequest.ROLE_HEADER), headers.get(AssertedRequest.VERIFIED_USER_HEADER))));
        RequestOptions options = new RequestOptions()
                .setMethod(inbound.method())
                .setHost(upstream.host())
                .setPort(upstream.port())
                .setSsl(upstream.ssl())
                .setURI(target)
                .setHeaders(headers)
                .setConnectTimeout(timeout)
                .setIdleTimeout(timeout);

        boolean idempotentRead = (inbound.method() == HttpMethod.GET || inbound.method() == HttpMethod.HEAD)
                && !hasBody(inbound);
        attempt(ctx, upstream, options, breaker(upstream, ctx.get(BREAKER_APP_KEY)), idempotentRead ? 1 : 0, refuse);
    }

    /**
     * One call to the upstream. A read whose call failed before any answer (unreachable, or a pooled connection the
     * upstream had closed) is retried once: a GET or HEAD can be repeated without effect. Timeouts are not retried,
     * since they would double the wait; nothing with a body is.
     */
    private void attempt(RoutingContext ctx, Upstream upstream, RequestOptions options, CircuitBreaker breaker,
            int retries, Consumer<Refusal> refuse) {
        HttpServerRequest inbound = ctx.request();
        if (ctx.response().closed()) {
            // the client left while its call waited (key, rate limit): nobody to answer, nothing to forward
            return;
        }
        if (!breaker.allows()) {
            refuse.accept(Refusal.of(503, "Service unavailable",
                    "The " + upstream.name() + " is failing; calls are held back for a moment. Retry later.")
                    .withHeader(HttpHeaders.RETRY_AFTER.toString(), Long.toString(breaker.retryAfterSeconds())));
            inbound.resume();
            return;
        }
        client.request(options).onComplete(created -> {
            if (created.failed()) {
                breaker.failed();
                if (retries > 0 && retryable(created.cause())) {
                    attempt(ctx, upstream, options, breaker, retries - 1, refuse);
                } else {
                    fail(ctx, upstream, created.cause(), refuse);
                }
                return;
            }
            HttpClientRequest outbound = created.result();
            // the client went away: stop the upstream call too (matters for long-lived streams); the reset that
            // follows is the client's doing, not a failure of the upstream
            AtomicBoolean clientGone = new AtomicBoolean();
            ctx.response().closeHandler(v -> {
                clientGone.set(true);
                outbound.reset();
            });
            outbound.response().onComplete(answered -> {
                if (answered.failed() && clientGone.get()) {
                    breaker.abandoned();
                } else if (answered.failed()) {
                    breaker.failed();
                    if (retries > 0 && retryable(answered.cause()) && !ctx.response().headWritten()) {
                        attempt(ctx, upstream, options, breaker, retries - 1, refuse);
                    } else {
                        fail(ctx, upstream, answered.cause(), refuse);
                    }
                } else {
                    breaker.succeeded();
                    relay(ctx, upstream, answered.result());
                }
            });
            if (ctx.response().closed()) {
                // gone while the upstream connection was being set up: the close handler came too late to hear it,
                // and the body it left behind would never end (the upstream call would hang until its timeout)
                clientGone.set(true);
                outbound.reset();
                return;
            }
            if (hasBody(inbound)) {
                if (!outbound.headers().contains(HttpHeaders.CONTENT_LENGTH)) {
                    outbound.setChunked(true);
                }
                // not send(body): its pipe would end the upstream request on a client abort, passing a truncated
                // body on as if complete; a failed upload resets the upstream request instead
                long bodyLimit = RequestLimits.bodyLimit(ctx);
                new LimitedBody(inbound, bodyLimit).pipe().endOnFailure(false).to(outbound).onFailure(e -> {
                    if (e instanceof LimitedBody.BodyTooLargeException) {
                        refuse.accept(RequestLimits.tooLarge(bodyLimit));
                    }
                    outbound.reset();
                });
            } else {
                outbound.end();
                inbound.resume();
            }
        });
    }

    private static boolean retryable(Throwable cause) {
        return cause instanceof ConnectException || cause instanceof HttpClosedException;
    }

    private CircuitBreaker breaker(Upstream upstream, String appId) {
        return breakers.computeIfAbsent(upstream.host() + ":" + upstream.port() + " " + (appId == null ? "" : appId),
                ignored -> new CircuitBreaker(breakerThreshold, breakerOpenFor, Clock.systemUTC()));
    }

    private static void relay(RoutingContext ctx, Upstream upstream, HttpClientResponse answer) {
        HttpServerResponse response = ctx.response();
        if (response.closed() || response.ended()) {
            answer.request().reset();
            return;
        }
        response.setStatusCode(answer.statusCode());
        if (answer.statusMessage() != null) {
            response.setStatusMessage(answer.statusMessage());
        }
        Set<String> connectionScoped = connectionScoped(answer.headers());
        answer.headers().forEach(header -> {
            String name = header.getKey().toLowerCase(Locale.ROOT);
            if (!HOP_BY_HOP.contains(name) && !connectionScoped.contains(name) && !name.startsWith("proxy-")
                    && !name.equals("x-request-id")) {
                response.headers().add(header.getKey(), header.getValue());
            }
        });
        // the services name their own (internal) address in Location: the client gets the one it called
        HttpServerRequest inbound = ctx.request();
        String scheme = inbound.scheme() == null ? "http" : inbound.scheme();
        for (CharSequence name : List.of(HttpHeaders.LOCATION, HttpHeaders.CONTENT_LOCATION)) {
            String location = response.headers().get(name);
            if (location != null) {
                response.headers().set(name, PublicLocation.of(location, upstream, scheme, inbound.host()));
            }
        }
        if (!answer.headers().contains(HttpHeaders.CONTENT_LENGTH) && mayHaveBody(ctx.request().method(),
                answer.statusCode())) {
            response.setChunked(true);
        }
        // not pipeTo: on a failed write (the client hung up mid-answer) its pipe would end the response, and the
        // upstream's next chunk, already on its way, would then hit an ended response and throw; on a failed read
        // (the upstream broke off) it would end a truncated answer as if it were complete. Reset instead, both ways.
        answer.pipe().endOnFailure(false).to(response).onFailure(e -> {
            LOG.debugf("relaying the upstream answer failed: %s", e.getMessage());
            if (!response.ended() && !response.closed()) {
                response.reset();
            }
        });
    }

    private static void fail(RoutingContext ctx, Upstream upstream, Throwable cause, Consumer<Refusal> refuse) {
        Refusal refusal;
        if (cause instanceof TimeoutException) {
            refusal = Refusal.of(504, "Gateway timeout",
                    "The " + upstream.name() + " did not answer within " + upstream.timeout().toMillis() + " ms.");
        } else if (cause instanceof ConnectException || cause instanceof UnknownHostException
                || cause instanceof ConnectionPoolTooBusyException) {
            refusal = Refusal.of(503, "Service unavailable", "The " + upstream.name() + " is unreachable; retry later.")
                    .withHeader(HttpHeaders.RETRY_AFTER.toString(), "5");
        } else {
            refusal = Refusal.of(502, "Bad gateway", "The " + upstream.name() + " gave no usable answer.");
        }
        LOG.debugf("%s %s → %s failed: %s", ctx.request().method(), ctx.normalizedPath(), upstream.name(),
                cause.toString());
        refuse.accept(refusal);
        // let the rest of an unread request body drain so that the connection can serve the next request
        ctx.request().resume();
    }

    private static boolean hasBody(HttpServerRequest request) {
        if (request.isEnded()) {
            return false;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            return !"0".equals(length.trim());
        }
        return request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null
                || request.version() == HttpVersion.HTTP_2;
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return method != HttpMethod.HEAD && status >= 200 && status != 204 && status != 304;
    }

    /** Header names a {@code Connection} header declares hop-by-hop. */
    private static Set<String> connectionScoped(MultiMap headers) {
        Set<String> names = new HashSet<>();
        for (String value : headers.getAll(HttpHeaders.CONNECTION)) {
            for (String token : value.split(",")) {
                if (!token.isBlank()) {
                    names.add(token.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return names;
    }
}
