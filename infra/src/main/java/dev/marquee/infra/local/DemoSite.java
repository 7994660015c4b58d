package dev.marquee.infra.local;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo shop page of the local suite: {@code sdk-web/demo/} at {@code /}, the built SDK ({@code sdk-web/dist/}) at
 * {@code /sdk/}, and {@code /demo-config.json} telling the page where the gateway is and which SDK key to use. A plain
 * JDK HTTP server on loopback: it serves files, nothing else.
 */
public final class DemoSite implements AutoCloseable {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "mjs", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "json", "application/json",
            "map", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png");

    private final HttpServer server;
    private final Path pages;
    private final Path sdk;
    private final byte[] config;

    private DemoSite(HttpServer server, Path projectRoot, byte[] config) {
        this.server = server;
        this.pages = projectRoot.resolve("sdk-web/demo").normalize();
        this.sdk = projectRoot.resolve("sdk-web/dist").normalize();
        this.config = config;
    }

    /** What the page needs to start the SDK. */
    public record Config(String baseUrl, String sdkKey, String appId, String userId, String deepLinkScheme) {
    }

    public static DemoSite start(Path projectRoot, int port, Config config) throws IOException {
        if (!Files.isRegularFile(projectRoot.resolve("sdk-web/dist/marquee.js"))) {
            throw new IOException("the web SDK is not built (sdk-web/dist/marquee.js): mvn -B package -pl sdk-web");
        }
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        DemoSite site = new DemoSite(server, projectRoot, new ObjectMapper().writeValueAsBytes(config));
        server.createContext("/", site::handle);
        server.setExecutor(Executors.newFixedThreadPool(4, r -> {
            Thread thread = new Thread(r, "demo-site");
            thread.setDaemon(true);
            return thread;
        }));
        server.start();
        return site;
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The origins a browser sends for this site: the SDK key of the demo is bound to them. */
    public static List<String> origins(int port) {
        return List.of("http://127.0.0.1:" + port, "http://localhost:" + port);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod())) {
                send(exchange, 405, "text/plain", "GET only".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/demo-config.json")) {
                send(exchange, 200, TYPES.get("json"), config);
                return;
            }
            Path file = path.startsWith("/sdk/")
                    ? inside(sdk, path.substring("/sdk/".length()))
                    : inside(pages, path.equals("/") ? "index.html" : path.substring(1));
            if (file == null || !Files.isRegularFile(file)) {
                send(exchange, 404, "text/plain", "not found".getBytes(StandardCharsets.UTF_8));
                return;
            }
            String name = file.getFileName().toString();
            String type = TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1), "application/octet-stream");
            send(exchange, 200, type, Files.readAllBytes(file));
        }
    }

    /** The file under {@code dir}, or null when the path would leave it. */
    private static Path inside(Path dir, String relative) {
        Path file = dir.resolve(relative).normalize();
        return file.startsWith(dir) ? file : null;
    }

    private static void send(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        boolean head = "HEAD".equals(exchange.getRequestMethod());
        exchange.sendResponseHeaders(status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
