package dev.marquee.results.rest;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.marquee.contracts.trust.AssertedRequest;
import dev.marquee.contracts.trust.GatewayAssertion;
import dev.marquee.results.config.TrustConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers only what came through the gateway: a request needs the gateway's {@code X-Marquee-Assertion} over its
 * method, target and identity headers ({@code X-Marquee-App-Id}, {@code -Principal}, {@code -Role},
 * {@code -Verified-User-Id}), so those headers are believed only as the gateway set them. Health and metrics stay
 * open for the platform's probes and scraper.
 * <p>
 * A copy of campaign-, segment- and delivery-service's class of the same name (a known duplication, to be moved into
 * {@code contracts} once).
 */
@ApplicationScoped
public class GatewayTrust {

    private final GatewayAssertion assertion;

    public GatewayTrust(TrustConfig config) {
        this.assertion = new GatewayAssertion(config.keys(), Clock.systemUTC());
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String path = request.path();
        if (path.equals("/q/health") || path.startsWith("/q/health/") || path.equals("/q/metrics")) {
            ctx.next();
            return;
        }
        AssertedRequest asserted = new AssertedRequest(request.method().name(), request.uri(),
                request.getHeader(AssertedRequest.APP_ID_HEADER), request.getHeader(AssertedRequest.PRINCIPAL_HEADER),
                request.getHeader(AssertedRequest.ROLE_HEADER),
                request.getHeader(AssertedRequest.VERIFIED_USER_HEADER));
        if (!assertion.verify(request.getHeader(GatewayAssertion.HEADER), asserted)) {
            Problem problem = new Problem("about:blank", "Unauthorized", 401,
                    "X-Marquee-Assertion: missing, expired or not the gateway's for this request; call through the"
                            + " gateway.",
                    null);
            ctx.response().setStatusCode(401)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .end(Json.encode(problem));
            return;
        }
        ctx.next();
    }
}
