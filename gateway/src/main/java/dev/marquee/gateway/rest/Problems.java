package dev.marquee.gateway.rest;

import dev.marquee.gateway.refusal.Refusal;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Writes the gateway's own error answers; never a class name or a stack trace. The one place that maps the domain's
 * {@link Refusal} to {@code application/problem+json}.
 */
public final class Problems {

    private Problems() {
    }

    /** A refusal as problem+json, with the headers it carries. */
    public static void send(RoutingContext ctx, Refusal refusal) {
        refusal.headers().forEach(ctx.response()::putHeader);
        send(ctx, Problem.of(refusal.status(), refusal.title(), refusal.detail()));
    }

    public static void send(RoutingContext ctx, Problem problem) {
        HttpServerResponse response = ctx.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (response.headWritten()) {
            // part of an upstream answer is already on the wire: the client must see a broken response, not a spliced one
            response.reset();
            return;
        }
        response.setStatusCode(problem.status())
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(problem.toJson());
    }

    public static void unauthorized(RoutingContext ctx, String detail, boolean bearer) {
        if (bearer) {
            ctx.response().putHeader("WWW-Authenticate", "Bearer realm=\"marquee\"");
        }
        send(ctx, Problem.of(401, "Unauthorized", detail));
    }

    public static void notFound(RoutingContext ctx) {
        send(ctx, Problem.of(404, "Not found", "There is nothing at this path."));
    }
}
