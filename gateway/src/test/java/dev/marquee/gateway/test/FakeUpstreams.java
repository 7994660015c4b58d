package dev.marquee.gateway.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import dev.marquee.gateway.keys.SecretHash;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Stand-ins for delivery-service, campaign-service, segment-service and results-service: HTTP servers that answer with what they received (method, URI,
 * headers, body) so that tests can see what the gateway forwarded. Runs on its own Vert.x instance, not Quarkus' one.
 * Also sets the gateway's timeouts short and the operator token, so that every {@code @QuarkusTest} shares one boot.
 *
 * <ul>
 * <li>{@code .../slow}: answers after 3 s (the SDK timeout here is 1 s)</li>
 * <li>{@code .../flaky}: closes the connection without answering the first request of each request id</li>
 * <li>{@code .../stream}: sends {@code first\n}, then waits for {@code .../release} before {@code second\n}</li>
 * <li>{@code .../broken}: sends {@code first\n}, then closes the connection without ending the answer</li>
 * <li>{@code .../located}: 201 with a {@code Location} naming the upstream's own address</li>
 * <li>{@code .../firehose}: sends 16 KB every millisecond until its client is gone (at most 10 s)</li>
 * </ul>
 */
public class FakeUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final String OPERATOR_TOKEN = "mq_op_test-operator-token";

    /** The {@code X-Request-Id} of every request an upstream received: what tests check "never forwarded" against. */
    public static final Set<String> RECEIVED_REQUEST_IDS = ConcurrentHashMap.newKeySet();

    private static final Set<String> FLAKY_SEEN = ConcurrentHashMap.newKeySet();

    private Vertx vertx;
    private final List<HttpServerResponse> held = new ArrayList<>();

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int delivery = listen("delivery");
        int campaign = listen("campaign");
        int segment = listen("segment");
        int results = listen("results");
        return Map.of(
                "marquee.gateway.delivery-url", "http://127.0.0.1:" + delivery,
                "marquee.gateway.campaign-url", "http://127.0.0.1:" + campaign,
                "marquee.gateway.segment-url", "http://127.0.0.1:" + segment,
                "marquee.gateway.results-url", "http://127.0.0.1:" + results,
                "marquee.gateway.sdk-timeout", "1s",
                "marquee.gateway.admin-timeout", "2s",
                "marquee.gateway.operator-token-sha256", SecretHash.sha256Hex(OPERATOR_TOKEN));
    }

    @Override
    public void stop() {
        if (vertx != null) {
            try {
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the fake upstreams did not stop", e);
            }
        }
    }

    private int listen(String name) {
        try {
            HttpServer server = vertx.createHttpServer()
                    .requestHandler(request -> handle(name, request))
                    .listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            return server.actualPort();
        } catch (Exception e) {
            throw new IllegalStateException("the fake " + name + " did not start", e);
        }
    }

    private void handle(String name, HttpServerRequest request) {
        String requestId = request.getHeader("X-Request-Id");
        if (requestId != null) {
            RECEIVED_REQUEST_IDS.add(requestId);
        }
        String path = request.path();
        if (path.endsWith("/flaky") && requestId != null && FLAKY_SEEN.add(requestId)) {
            // as a pooled keep-alive connection the upstream closed: the request got no answer
            request.connection().close();
            return;
        }
        if (path.endsWith("/stream")) {
            HttpServerResponse response = request.response().setChunked(true).putHeader("content-type", "text/plain");
            response.write("first\n");
            synchronized (held) {
                held.add(response);
            }
            return;
        }
        if (path.endsWith("/broken")) {
            request.response().setChunked(true).putHeader("content-type", "text/plain").write("first\n");
            vertx.setTimer(50, id -> request.connection().close());
            return;
        }
        if (path.endsWith("/firehose")) {
            HttpServerResponse response = request.response().setChunked(true).putHeader("content-type", "text/plain");
            String chunk = "x".repeat(16 * 1024);
            long started = System.nanoTime();
            vertx.setPeriodic(1, timer -> {
                if (response.closed() || System.nanoTime() - started > TimeUnit.SECONDS.toNanos(10)) {
                    vertx.cancelTimer(timer);
                    if (!response.closed()) {
                        response.end();
                    }
                } else if (!response.writeQueueFull()) {
                    response.write(chunk);
                }
            });
            return;
        }
        if (path.endsWith("/located")) {
            // as Quarkus builds it: from the Host it was called with, i.e. the upstream's own address
            request.response().setStatusCode(201)
                    .putHeader("Location", "http://" + request.host() + path.replace("/located", "/42") + "?v=1")
                    .end();
            return;
        }
        if (path.endsWith("/release")) {
            synchronized (held) {
                held.forEach(response -> response.end("second\n"));
                held.clear();
            }
            request.response().end("released");
            return;
        }
        request.body().onSuccess(body -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(header -> {
                String key = header.getKey().toLowerCase(Locale.ROOT);
                JsonArray values = headers.getJsonArray(key, new JsonArray());
                headers.put(key, values.add(header.getValue()));
            });
            String echo = new JsonObject()
                    .put("upstream", name)
                    .put("method", request.method().name())
                    .put("uri", request.uri())
                    .put("headers", headers)
                    .put("body", body.toString())
                    .encode();
            Runnable answer = () -> request.response()
                    .setStatusCode("POST".equals(request.method().name()) ? 201 : 200)
                    .putHeader("content-type", "application/json")
                    .putHeader("X-Upstream", name)
                    .putHeader("Keep-Alive", "timeout=99")
                    .end(echo);
            if (path.endsWith("/slow")) {
                vertx.setTimer(3_000, id -> {
                    if (!request.response().closed()) {
                        answer.run();
                    }
                });
            } else {
                answer.run();
            }
        });
    }
}
