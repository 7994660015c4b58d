package dev.marquee.gateway.edge;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import dev.marquee.gateway.config.GatewayConfig;
import dev.marquee.gateway.rest.Problem;
import dev.marquee.gateway.rest.Problems;
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

    /** First on every route, ahead of the server's own body limit. */
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.uri().length() > limits.maxTargetLength()) {
            refuse(ctx, Problem.of(414, "URI too long", "The request target is " + request.uri().length()
                    + " characters long; at most " + limits.maxTargetLength() + " are accepted."));
            return;
        }
        long headerBytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            headerBytes += header.getKey().length() + header.getValue().length() + 4;
        }
        if (headerBytes > limits.maxHeaders().asLongValue()) {
            refuse(ctx, Problem.of(431, "Request header fields too large", "The request's headers take " + headerBytes
                    + " bytes; at most " + limits.maxHeaders().asLongValue() + " are accepted."));
            return;
        }
        long bodyLimit = request.method() == HttpMethod.POST && UPLOAD.matcher(request.path()).matches()
                ? limits.maxUpload().asLongValue()
                : limits.maxBody().asLongValue();
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declaredLength(declared) > bodyLimit) {
            refuse(ctx, tooLarge(bodyLimit));
            return;
        }
        ctx.put(LIMIT_KEY, bodyLimit);
        ctx.next();
    }

    /** The body limit {@link #handle} decided for this request. */
    public static long bodyLimit(RoutingContext ctx) {
        Long limit = ctx.get(LIMIT_KEY);
        if (limit == null) {
            throw new IllegalStateException("RequestLimits.handle runs first on every route");
        }
        return limit;
    }

    public static Problem tooLarge(long limit) {
        return Problem.of(413, "Payload too large", "The request body exceeds " + limit + " bytes.");
    }

    /** A length that is no number is larger than any limit: the server would refuse it anyway. */
    private static long declaredLength(String value) {
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    private static void refuse(RoutingContext ctx, Problem problem) {
        // the rest of what the client sends is not read: the connection cannot be reused
        ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
        Problems.send(ctx, problem);
    }
}
