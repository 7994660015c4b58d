package dev.marquee.results.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.marquee.contracts.trust.ServiceTrust;
import dev.marquee.results.config.TimeSource;
import dev.marquee.results.config.TrustConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers only what came through the gateway ({@link ServiceTrust}, the check every service applies the same way): a
 * request without the gateway's valid {@code X-Marquee-Assertion} gets 401 problem+json. Health and metrics stay open.
 */
@ApplicationScoped
public class GatewayTrust {

    private final ServiceTrust trust;

    public GatewayTrust(TrustConfig config, TimeSource time) {
        this.trust = new ServiceTrust(config.keys(), time.clock());
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (trust.admits(request.method().name(), request.path(), request.uri(), request::getHeader)) {
            ctx.next();
            return;
        }
        Problem problem = new Problem("about:blank", "Unauthorized", 401, ServiceTrust.REFUSAL, null);
        ctx.response().setStatusCode(401)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
