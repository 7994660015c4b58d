package dev.marquee.campaign.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a declared body over 256 KiB with a problem, before anything reads it. Bodies sent without a length are
 * cut by {@code quarkus.http.limits.max-body-size} (the same limit), which answers a bare 413.
 */
@ApplicationScoped
public class BodyLimit {

    public static final long MAX_BYTES = 256 * 1024;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && tooLong(length)) {
            Problem problem = new Problem("about:blank", "Payload too large", 413,
                    "The body is over " + MAX_BYTES / 1024 + " KiB.", null);
            ctx.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(Json.encode(problem));
            return;
        }
        ctx.next();
    }

    private static boolean tooLong(String length) {
        try {
            return Long.parseLong(length.strip()) > MAX_BYTES;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
