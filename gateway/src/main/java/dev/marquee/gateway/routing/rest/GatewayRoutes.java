package dev.marquee.gateway.routing.rest;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import dev.marquee.contracts.app.SdkScope;
import dev.marquee.gateway.config.GatewayConfig;
import dev.marquee.gateway.edge.AccessLog;
import dev.marquee.gateway.edge.CanonicalPaths;
import dev.marquee.gateway.edge.Cors;
import dev.marquee.gateway.edge.RequestIds;
import dev.marquee.gateway.edge.RequestLimits;
import dev.marquee.gateway.edge.SecurityHeaders;
import dev.marquee.gateway.keys.SecretHash;
import dev.marquee.gateway.limits.RateLimit;
import dev.marquee.gateway.limits.service.RateLimiter;
import dev.marquee.gateway.refusal.Refusal;
import dev.marquee.gateway.rest.Problem;
import dev.marquee.gateway.rest.Problems;
import dev.marquee.gateway.routing.ManagedResource;
import dev.marquee.gateway.routing.Upstream;
import dev.marquee.gateway.routing.service.Access;
import dev.marquee.gateway.routing.service.SdkRequest;
import dev.marquee.gateway.routing.service.UpstreamProxy;
import dev.marquee.gateway.routing.service.Verdict;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The public edge: which path goes to which service, and who may call it. The gateway sets
 * {@code X-Marquee-App-Id} (SDK API) and {@code X-Marquee-Principal} (management API); clients cannot.
 */
@ApplicationScoped
public class GatewayRoutes {

    public static final String APP_ID_HEADER = "X-Marquee-App-Id";
    public static final String PRINCIPAL_HEADER = "X-Marquee-Principal";
    public static final String ROLE_HEADER = "X-Marquee-Role";
    public static final String SDK_KEY_HEADER = "X-Marquee-Key";
    public static final String BUNDLE_ID_HEADER = "X-Marquee-Bundle-Id";
    public static final String USER_ID_HEADER = "X-Marquee-User-Id";
    public static final String USER_SIGNATURE_HEADER = "X-Marquee-User-Signature";
    /** Set only when the app verifies identities and the signature proved this user id. */
    public static final String VERIFIED_USER_HEADER = "X-Marquee-Verified-User-Id";

    private static final Pattern APP_LIST = Pattern.compile("/v1/apps/?");
    private static final Pattern ONE_APP = Pattern.compile("/v1/apps/([^/]+)(?:/([^/]*))?(?:/.*)?");
    /** One user's diagnosis lives under {@code users} but is delivery-service's (the {@code explain} resource). */
    private static final Pattern USER_EXPLAIN = Pattern.compile("/v1/apps/[^/]+/users/[^/]+/explain/?");
    /** A campaign's results are results-service's, not campaign-service's. */
    private static final Pattern CAMPAIGN_RESULTS = Pattern.compile("/v1/apps/[^/]+/campaigns/[^/]+/results(?:/.*)?");

    private final Access access;
    private final UpstreamProxy proxy;
    private final Upstream sdkDelivery;
    private final Map<ManagedResource.Service, Upstream> management;
    private final RateLimiter limiter;
    private final Cors cors;
    private final RequestLimits limits;
    private final RateLimit sdkLimit;
    private final RateLimit sdkUserLimit;
    private final RateLimit adminLimit;

    public GatewayRoutes(Access access, UpstreamProxy proxy, RateLimiter limiter, Cors cors, RequestLimits limits,
            GatewayConfig config) {
        this.access = access;
        this.limits = limits;
        this.cors = cors;
        this.proxy = proxy;
        this.limiter = limiter;
        this.sdkLimit = new RateLimit(config.rateLimits().sdkCapacity(), config.rateLimits().sdkRefillPerSecond());
        this.sdkUserLimit = new RateLimit(config.rateLimits().sdkUserCapacity(),
                config.rateLimits().sdkUserRefillPerSecond());
        this.adminLimit = new RateLimit(config.rateLimits().adminCapacity(), config.rateLimits().adminRefillPerSecond());
        this.sdkDelivery = Upstream.of("delivery-service", config.deliveryUrl(), config.sdkTimeout());
        this.management = new EnumMap<>(Map.of(
                ManagedResource.Service.CAMPAIGN,
                Upstream.of("campaign-service", config.campaignUrl(), config.adminTimeout()),
                ManagedResource.Service.SEGMENT,
                Upstream.of("segment-service", config.segmentUrl(), config.adminTimeout()),
                ManagedResource.Service.DELIVERY,
                Upstream.of("delivery-service", config.deliveryUrl(), config.adminTimeout()),
                ManagedResource.Service.RESULTS,
                Upstream.of("results-service", config.resultsUrl(), config.adminTimeout())));
    }

    void register(@Observes Router router) {
        router.errorHandler(400, ctx -> Problems.send(ctx, CanonicalPaths.undecodable(ctx.request().path())));
        // ahead of the server's own body limit (ROUTE_ORDER_UPLOAD_LIMIT), which answers a bare 413
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::requestLimits);
        router.route().handler(this::requestId);
        router.route().handler(AccessLog::handle);
        router.route("/v1/*").handler(SecurityHeaders::handle);
        router.route().handler(GatewayRoutes::canonicalPath);
        router.route("/v1/sdk/*").handler(cors::handle);
        router.route("/v1/sdk/*").handler(this::sdk);
        router.routeWithRegex(APP_LIST.pattern()).handler(this::appList);
        router.routeWithRegex(ONE_APP.pattern()).handler(this::oneApp);
        router.route().handler(this::nothingHere);
    }

    /** {@link RequestLimits}: first on every route, ahead of the server's own body limit. */
    private void requestLimits(RoutingContext ctx) {
        Optional<Refusal> refusal = limits.refusal(ctx.request());
        if (refusal.isPresent()) {
            Problems.send(ctx, refusal.get());
            return;
        }
        limits.admit(ctx);
        ctx.next();
    }

    /** {@link CanonicalPaths}: first of the routes that look at the path. */
    private static void canonicalPath(RoutingContext ctx) {
        Optional<Refusal> refusal = CanonicalPaths.refusal(ctx.request().path());
        if (refusal.isPresent()) {
            Problems.send(ctx, refusal.get());
            return;
        }
        ctx.next();
    }

    private void requestId(RoutingContext ctx) {
        String id = RequestIds.accept(ctx.request().getHeader(RequestIds.HEADER));
        ctx.put(RequestIds.CONTEXT_KEY, id);
        ctx.response().putHeader(RequestIds.HEADER, id);
        ctx.next();
    }

    private void sdk(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String userId = request.getHeader(USER_ID_HEADER);
        Verdict verdict = access.sdk(new SdkRequest(request.getHeader(SDK_KEY_HEADER), sdkScope(ctx),
                request.getHeader(HttpHeaders.ORIGIN), request.getHeader(BUNDLE_ID_HEADER), userId,
                request.getHeader(USER_SIGNATURE_HEADER), ctx.queryParam("userId")));
        if (verdict instanceof Verdict.Allowed allowed) {
            Map<String, String> vouched = access.verifiesIdentity(allowed.appId())
                    ? Map.of(APP_ID_HEADER, allowed.appId(), VERIFIED_USER_HEADER, userId)
                    : Map.of(APP_ID_HEADER, allowed.appId());
            String key = allowed.credential().credentialId();
            admit(ctx, allowed, List.of(new RateLimiter.Bucket(key, sdkLimit),
                    new RateLimiter.Bucket(key + ":u:" + SecretHash.sha256Hex(rateUser(ctx, userId)).substring(0, 32),
                            sdkUserLimit)),
                    () -> proxy.forward(ctx, sdkDelivery, vouched, refusal -> Problems.send(ctx, refusal)));
        } else {
            refuse(ctx, (Verdict.Refused) verdict, false);
        }
    }

    private void appList(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.POST) {
            ctx.response().putHeader(HttpHeaders.ALLOW, "GET, POST");
            Problems.send(ctx, Problem.of(405, "Method not allowed", "This path accepts GET and POST."));
            return;
        }
        Verdict verdict = access.operator(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (verdict instanceof Verdict.Allowed allowed) {
            admit(ctx, allowed, adminLimit,
                    () -> proxy.forward(ctx, management.get(ManagedResource.Service.CAMPAIGN), identity(allowed),
                            refusal -> Problems.send(ctx, refusal)));
        } else {
            refuse(ctx, (Verdict.Refused) verdict, true);
        }
    }

    private void oneApp(RoutingContext ctx) {
        Matcher path = ONE_APP.matcher(ctx.normalizedPath());
        if (!path.matches()) {
            ctx.next();
            return;
        }
        String resource = path.group(2) == null ? "" : path.group(2);
        if (USER_EXPLAIN.matcher(ctx.normalizedPath()).matches()) {
            resource = ManagedResource.EXPLAIN.segment();
        } else if (CAMPAIGN_RESULTS.matcher(ctx.normalizedPath()).matches()) {
            resource = ManagedResource.RESULTS.segment();
        }
        Verdict verdict = access.app(ctx.request().getHeader(HttpHeaders.AUTHORIZATION), path.group(1), resource,
                isRead(ctx.request().method()));
        if (verdict instanceof Verdict.Allowed allowed && resource.isEmpty()
                && ctx.request().method() == HttpMethod.DELETE && !Access.OPERATOR.equals(allowed.principal())) {
            // deleting an app, like creating one, is the operator's: an app's own admins can rename it, not remove it
            verdict = Verdict.forbidden("Only the operator token may delete an app.");
        }
        if (verdict instanceof Verdict.Allowed allowed) {
            Upstream owner = management.get(ManagedResource.of(resource).orElseThrow().service());
            admit(ctx, allowed, adminLimit,
                    () -> proxy.forward(ctx, owner, identity(allowed), refusal -> Problems.send(ctx, refusal)));
        } else {
            refuse(ctx, (Verdict.Refused) verdict, true);
        }
    }

    private void nothingHere(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.equals("/q/health") || path.startsWith("/q/health/")) {
            // liveness, readiness and startup for the platform's probes; metrics and OpenAPI are on the management
            // interface only (quarkus.management.port)
            ctx.next();
            return;
        }
        Problems.notFound(ctx);
    }

    /**
     * Takes a token of the caller's bucket, then forwards; an empty bucket answers 429. Every answer of a limited call
     * carries {@code RateLimit-Limit}, {@code RateLimit-Remaining} and {@code RateLimit-Reset} (seconds until full).
     */
    private void admit(RoutingContext ctx, Verdict.Allowed allowed, RateLimit limit, Runnable forward) {
        String bucket = allowed.credential() == null ? allowed.principal() : allowed.credential().credentialId();
        admit(ctx, allowed, List.of(new RateLimiter.Bucket(bucket, limit)), forward);
    }

    /**
     * Whose bucket an SDK call takes besides its key's: the user it names ({@code X-Marquee-User-Id}, else the
     * {@code userId} query parameter), else the client's address. A client that invents user ids still meets the
     * key's bucket.
     */
    private static String rateUser(RoutingContext ctx, String userIdHeader) {
        if (userIdHeader != null && !userIdHeader.isEmpty()) {
            return "user:" + userIdHeader;
        }
        String query = ctx.request().getParam("userId");
        if (query != null && !query.isEmpty()) {
            return "user:" + query;
        }
        return "address:" + (ctx.request().remoteAddress() == null ? "" : ctx.request().remoteAddress().hostAddress());
    }

    private void admit(RoutingContext ctx, Verdict.Allowed allowed, List<RateLimiter.Bucket> buckets,
            Runnable forward) {
        // nothing of the body may be read (and lost) while the bucket is being checked
        ctx.request().pause();
        ctx.put(AccessLog.PRINCIPAL_KEY, allowed.principal());
        ctx.put(UpstreamProxy.BREAKER_APP_KEY, allowed.appId());
        Context context = Vertx.currentContext();
        limiter.take(buckets).subscribe().with(decision -> context.runOnContext(v -> {
            HttpServerResponse response = ctx.response();
            response.putHeader("RateLimit-Limit", Integer.toString(decision.limit()))
                    .putHeader("RateLimit-Remaining", Long.toString(decision.remaining()))
                    .putHeader("RateLimit-Reset", Long.toString(seconds(decision.resetMillis())));
            if (decision.allowed()) {
                forward.run();
                return;
            }
            response.putHeader(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds(decision.retryAfterMillis()))));
            Problems.send(ctx, Problem.of(429, "Too many requests",
                    "The rate limit of this credential is reached; retry after the time in Retry-After."));
            ctx.request().resume();
        }));
    }

    private static long seconds(long millis) {
        return (millis + 999) / 1000;
    }

    /**
     * The scope an SDK call needs: the explanations {@code DEBUG}, other reads {@code READ}, writes {@code TRACK}.
     * Decided on the path that is routed and forwarded ({@link CanonicalPaths} let only canonical ones through).
     */
    private static SdkScope sdkScope(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        if (path.startsWith("/v1/sdk/explain")) {
            return SdkScope.DEBUG;
        }
        return isRead(ctx.request().method()) ? SdkScope.READ : SdkScope.TRACK;
    }

    private static boolean isRead(HttpMethod method) {
        return method == HttpMethod.GET || method == HttpMethod.HEAD;
    }

    /**
     * Who calls, as the services record it in versions and audit entries: the credential id (stable) and its name
     * (what people recognise), e.g. {@code admin-token:7f3c… (CI pipeline)}; and the role.
     */
    private static Map<String, String> identity(Verdict.Allowed allowed) {
        String principal = allowed.credential() == null
                ? allowed.principal()
                : allowed.principal() + " (" + HeaderText.printable(allowed.name()) + ")";
        return Map.of(PRINCIPAL_HEADER, principal, ROLE_HEADER, allowed.role().name());
    }

    private static void refuse(RoutingContext ctx, Verdict.Refused refused, boolean bearer) {
        if (refused.status() == 401) {
            Problems.unauthorized(ctx, refused.detail(), bearer);
        } else {
            Problems.send(ctx, Problem.of(refused.status(), refused.title(), refused.detail()));
        }
    }
}
