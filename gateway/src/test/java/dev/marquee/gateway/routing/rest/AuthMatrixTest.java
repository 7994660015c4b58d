package dev.marquee.gateway.routing.rest;

import static dev.marquee.gateway.test.AppEvents.adminToken;
import static dev.marquee.gateway.test.AppEvents.app;
import static dev.marquee.gateway.test.AppEvents.newId;
import static dev.marquee.gateway.test.AppEvents.publish;
import static dev.marquee.gateway.test.AppEvents.sdkKey;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.marquee.contracts.app.AdminRole;
import dev.marquee.gateway.test.FakeUpstreams;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every management route × every kind of caller × own or other workspace: the status, the service reached, and that a
 * refused call never reaches any upstream.
 */
@QuarkusTest
class AuthMatrixTest {

    /** A route, the service that owns it, and the least role that may call it (null: no such resource). */
    record Route(String method, String path, String upstream, AdminRole least) {
    }

    /** A caller: its {@code Authorization} value (null: none) and what it is. */
    record Caller(String name, String authorization, AdminRole role, boolean ownApp, boolean operator) {
    }

    private static final List<Route> ROUTES = List.of(
            new Route("GET", "", "campaign", AdminRole.VIEWER),
            new Route("PUT", "", "campaign", AdminRole.ADMIN),
            new Route("DELETE", "", "campaign", AdminRole.ADMIN),
            new Route("GET", "/audit", "campaign", AdminRole.VIEWER),
            new Route("GET", "/deletion", "campaign", AdminRole.ADMIN),
            new Route("GET", "/campaigns", "campaign", AdminRole.VIEWER),
            new Route("POST", "/campaigns", "campaign", AdminRole.EDITOR),
            new Route("PUT", "/campaigns/c1", "campaign", AdminRole.EDITOR),
            new Route("DELETE", "/campaigns/c1", "campaign", AdminRole.EDITOR),
            new Route("POST", "/campaigns/c1/actions/pause", "campaign", AdminRole.EDITOR),
            new Route("GET", "/campaigns/c1/statistics", "campaign", AdminRole.VIEWER),
            new Route("GET", "/campaigns/c1/results", "results", AdminRole.VIEWER),
            new Route("GET", "/campaigns/c1/results?split=day", "results", AdminRole.VIEWER),
            new Route("GET", "/settings", "campaign", AdminRole.VIEWER),
            new Route("PUT", "/settings", "campaign", AdminRole.ADMIN),
            new Route("GET", "/keys", "campaign", AdminRole.ADMIN),
            new Route("POST", "/keys", "campaign", AdminRole.ADMIN),
            new Route("DELETE", "/keys/k1", "campaign", AdminRole.ADMIN),
            new Route("GET", "/segments", "segment", AdminRole.VIEWER),
            new Route("POST", "/segments", "segment", AdminRole.EDITOR),
            new Route("GET", "/users/u1", "segment", AdminRole.VIEWER),
            new Route("PUT", "/users/u1/attributes", "segment", AdminRole.ADMIN),
            new Route("POST", "/events", "segment", AdminRole.ADMIN),
            new Route("POST", "/messages/send", "delivery", AdminRole.EDITOR),
            new Route("POST", "/explain", "delivery", AdminRole.VIEWER),
            new Route("GET", "/nothing-here", null, null));

    /** Routes only the operator may call, whatever the role of an app's own token (403 for it). */
    private static final Set<String> OPERATOR_ONLY = Set.of("DELETE ");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Test
    void everyRouteForEveryCaller() {
        String appId = newId();
        String otherApp = newId();
        String admin = "mq_at_" + newId();
        String editor = "mq_at_" + newId();
        String viewer = "mq_at_" + newId();
        String otherAdmin = "mq_at_" + newId();
        String sdkKey = "mq_pk_" + newId();
        publish(bootstrap, app(appId, adminToken(newId(), admin, AdminRole.ADMIN),
                adminToken(newId(), editor, AdminRole.EDITOR), adminToken(newId(), viewer, AdminRole.VIEWER),
                sdkKey(newId(), sdkKey)));
        publish(bootstrap, app(otherApp, adminToken(newId(), otherAdmin, AdminRole.ADMIN)));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(otherAdmin)
                .when().get("/v1/apps/{appId}", otherApp).then().statusCode(200));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> given().auth().oauth2(viewer)
                .when().get("/v1/apps/{appId}", appId).then().statusCode(200));

        List<Caller> callers = List.of(
                new Caller("admin", "Bearer " + admin, AdminRole.ADMIN, true, false),
                new Caller("editor", "Bearer " + editor, AdminRole.EDITOR, true, false),
                new Caller("viewer", "Bearer " + viewer, AdminRole.VIEWER, true, false),
                new Caller("another app's admin", "Bearer " + otherAdmin, AdminRole.ADMIN, false, false),
                new Caller("operator", "Bearer " + FakeUpstreams.OPERATOR_TOKEN, AdminRole.ADMIN, true, true),
                new Caller("nobody", null, null, true, false),
                new Caller("an unknown token", "Bearer mq_at_" + newId(), null, true, false),
                new Caller("an SDK key", "Bearer " + sdkKey, null, true, false));

        List<String> wrong = new ArrayList<>();
        for (Route route : ROUTES) {
            for (Caller caller : callers) {
                int expected = expected(route, caller);
                String requestId = "matrix-" + newId();
                RequestSpecification request = given().header("X-Request-Id", requestId);
                if (caller.authorization() != null) {
                    request.header("Authorization", caller.authorization());
                }
                if (!route.method().equals("GET") && !route.method().equals("DELETE")) {
                    request.contentType("application/json").body("{}");
                }
                Response response = request.when().request(route.method(), "/v1/apps/" + appId + route.path());
                int actual = response.statusCode();
                String what = route.method() + " " + route.path() + " as " + caller.name();
                boolean forwarded = FakeUpstreams.RECEIVED_REQUEST_IDS.contains(requestId);
                if (expected >= 400) {
                    if (actual != expected || forwarded || !"application/problem+json".equals(response.contentType())) {
                        wrong.add(what + ": expected " + expected + " at the gateway, got " + actual
                                + (forwarded ? " after reaching an upstream" : ""));
                    }
                } else if (actual >= 400 || !route.upstream().equals(response.jsonPath().getString("upstream"))) {
                    wrong.add(what + ": expected the " + route.upstream() + " upstream, got " + actual + " "
                            + response.asString());
                }
            }
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong));
    }

    private static int expected(Route route, Caller caller) {
        if (caller.role() == null) {
            return 401;
        }
        if (!caller.ownApp() || route.least() == null) {
            return 404;
        }
        if (caller.operator()) {
            return 200;
        }
        if (OPERATOR_ONLY.contains(route.method() + " " + route.path())) {
            return 403;
        }
        return caller.role().ordinal() <= route.least().ordinal() ? 200 : 403;
    }
}
