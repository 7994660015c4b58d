package dev.marquee.gateway.edge;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.gateway.config.GatewayConfig;
import dev.marquee.gateway.refusal.Refusal;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * What the edge accepts of a request's size, decided before any credential check or upstream call and answered as
 * problem+json: 414 for a request target over {@code max-target-length}, 431 for headers over {@code max-headers},
 * 413 for a declared body over the route's limit. A chunked body declares nothing: the proxy counts it while it
 * streams, against the same limit ({@link #bodyLimit}). The server's own limits ({@code quarkus.http.limits.*}) sit
 * above these as a backstop; only a request past them gets the server's bare answer.
 */
@ApplicationScoped
public class RequestLimits {

    /** Static segment uploads: ids streamed as CSV or NDJSON, far larger than any JSON request. */
    static final Pattern UPLOAD = Pattern.compile("/v1/apps/[^/]+/segments/[^/]+/members");

    private static final String LIMIT_KEY = "marquee.body-limit";

    private final GatewayConfig.Limits limits;

    public RequestLimits(GatewayConfig config) {
        this.limits = config.limits();
    }

    /**
     * What the edge refuses of this request's size (414, 431, 413 for a declared body), with {@code Connection: close}:
     * the rest of what the client sends is not read, so the connection cannot be reused. Empty when it passes; then
     * {@link #admit} records its body limit. First on every route, ahead of the server's own body limit.
     */
    public Optional<Refusal> refusal(HttpServerRequest request) {
        if (request.uri().length() > limits.maxTargetLength()) {
            return Optional.of(closing(Refusal.of(414, "URI too long", "The request target is "
                    + request.uri().length() + " characters long; at most " + limits.maxTargetLength()
                    + " are accepted.")));
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaders().asLongValue()) {
            return Optional.of(closing(Refusal.of(431, "Request header fields too large", "The request's headers take "
                    + headerBytes + " bytes; at most " + limits.maxHeaders().asLongValue() + " are accepted.")));
        }
        long bodyLimit = limitOf(request);
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > bodyLimit) {
            return Optional.of(tooLarge(bodyLimit));
        }
        return Optional.empty();
    }

    /** Records the body limit of a request that {@link #refusal} let pass, for the proxy to count a streamed body. */
    public void admit(RoutingContext ctx) {
        ctx.put(LIMIT_KEY, limitOf(ctx.request()));
    }

    private long limitOf(HttpServerRequest request) {
        return request.method() == HttpMethod.POST && UPLOAD.matcher(request.path()).matches()
                ? limits.maxUpload().asLongValue()
                : limits.maxBody().asLongValue();
    }

    /** The body limit {@link #admit} recorded for this request. */
    public static long bodyLimit(RoutingContext ctx) {
        Long limit = ctx.get(LIMIT_KEY);
        if (limit == null) {
            throw new IllegalStateException("RequestLimits.admit runs first on every route");
        }
        return limit;
    }

    /** A body over {@code limit}, declared or counted while it streamed; the connection is closed after it. */
    public static Refusal tooLarge(long limit) {
        return closing(Refusal.of(413, "Payload too large", "The request body exceeds " + limit + " bytes."));
    }

    /** A length that is no number is larger than any limit: the server would refuse it anyway. */
    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static Refusal closing(Refusal refusal) {
        return refusal.withHeader(HttpHeaders.CONNECTION.toString(), "close");
    }
}
