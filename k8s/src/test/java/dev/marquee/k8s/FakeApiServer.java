package dev.marquee.k8s;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.yaml.snakeyaml.Yaml;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.InstallCommand;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * Just enough of a Kubernetes API server for {@code helm install}: discovery (so that
 * {@code .Capabilities.APIVersions} is what this "cluster" serves), empty release storage, 404 for every existing
 * object, and it accepts whatever Helm creates. It keeps Helm's release record, whose manifest and hooks are exactly
 * what {@code helm template} prints. helm-java's template can neither be told about extra APIs nor print hooks, and no
 * real API server runs here: this is how the chart's {@code .Capabilities} checks and its test hook meet a real Helm.
 */
final class FakeApiServer implements AutoCloseable {

    /** An API group/version and the kinds it serves: kind → plural resource name. */
    record Api(String groupVersion, Map<String, String> kinds) {
    }

    static final List<Api> BUILT_IN = List.of(
            new Api("v1", Map.of("Service", "services", "ServiceAccount", "serviceaccounts", "Pod", "pods", "Secret",
                    "secrets", "ConfigMap", "configmaps")),
            new Api("apps/v1", Map.of("Deployment", "deployments")),
            new Api("policy/v1", Map.of("PodDisruptionBudget", "poddisruptionbudgets")),
            new Api("networking.k8s.io/v1", Map.of("NetworkPolicy", "networkpolicies", "Ingress", "ingresses")),
            new Api("autoscaling/v2", Map.of("HorizontalPodAutoscaler", "horizontalpodautoscalers")));
    static final Api STRIMZI = new Api("kafka.strimzi.io/v1beta2", Map.of("KafkaTopic", "kafkatopics"));
    static final Api PROMETHEUS_OPERATOR = new Api("monitoring.coreos.com/v1", Map.of("ServiceMonitor", "servicemonitors"));

    static {
        // Without TCP_NODELAY every request of Helm's sequential client waits out a delayed ACK (~40 ms).
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final List<Api> apis;
    private final HttpServer server;
    private volatile String releaseRecord;

    FakeApiServer(Api... extraApis) {
        this.apis = new ArrayList<>(BUILT_IN);
        this.apis.addAll(List.of(extraApis));
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /**
     * {@code helm install mq marquee -n marquee -f <files...>} against this server; returns the release's objects,
     * hooks included.
     */
    Manifests install(Path... valuesFiles) {
        try {
            Path kubeconfig = Files.createTempFile("fake-kubeconfig-", ".yaml");
            Files.writeString(kubeconfig, kubeconfig());
            InstallCommand install = new Helm(Chart.DIR).install().withName(Chart.RELEASE).withNamespace(Chart.NAMESPACE)
                    .withKubeConfig(kubeconfig).disableOpenApiValidation();
            for (Path file : valuesFiles) {
                install = install.withValuesFile(file);
            }
            install.call();
            return release();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Helm keeps a release as a Secret whose {@code release} entry is base64(gzip(JSON)); the Secret arrives as
     * protobuf, in which that entry is a plain run of base64 text.
     */
    @SuppressWarnings("unchecked")
    private Manifests release() throws IOException {
        if (releaseRecord == null) {
            throw new IllegalStateException("Helm stored no release");
        }
        Matcher base64 = Pattern.compile("H4sI[A-Za-z0-9+/]*={0,2}").matcher(releaseRecord);
        if (!base64.find()) {
            throw new IllegalStateException("no gzip+base64 release in the record Helm stored");
        }
        try (InputStream json = new GZIPInputStream(new ByteArrayInputStream(Base64.getDecoder().decode(base64.group())))) {
            Map<String, Object> release = new Yaml().load(new String(json.readAllBytes(), StandardCharsets.UTF_8));
            StringBuilder yaml = new StringBuilder((String) release.get("manifest"));
            for (Object hook : (List<Object>) release.getOrDefault("hooks", List.of())) {
                yaml.append("\n---\n").append(((Map<String, Object>) hook).get("manifest"));
            }
            return Manifests.parse(yaml.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private String kubeconfig() {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: fake
                    cluster:
                      server: http://127.0.0.1:%d
                contexts:
                  - name: fake
                    context:
                      cluster: fake
                      user: fake
                current-context: fake
                users:
                  - name: fake
                    user:
                      token: not-a-secret
                """.formatted(server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath();
        byte[] body = exchange.getRequestBody().readAllBytes();
        if ((method.equals("POST") || method.equals("PUT")) && path.contains("/secrets")) {
            // The chart creates no Secret: this is Helm's release record (protobuf), pending and then deployed.
            releaseRecord = new String(body, StandardCharsets.ISO_8859_1);
            respond(exchange, method.equals("POST") ? 201 : 200,
                    "{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"metadata\":{\"name\":\"release\"}}");
        } else if (method.equals("POST")) {
            respond(exchange, 201, new String(body, StandardCharsets.UTF_8));
        } else if (path.equals("/version")) {
            respond(exchange, 200, "{\"major\":\"1\",\"minor\":\"31\",\"gitVersion\":\"v1.31.0\"}");
        } else if (path.equals("/api")) {
            respond(exchange, 200, "{\"kind\":\"APIVersions\",\"versions\":[\"v1\"]}");
        } else if (path.equals("/apis")) {
            respond(exchange, 200, groupList());
        } else if (path.equals("/api/v1") || path.startsWith("/apis/") && path.chars().filter(c -> c == '/').count() == 3) {
            String groupVersion = path.equals("/api/v1") ? "v1" : path.substring("/apis/".length());
            Api api = apis.stream().filter(a -> a.groupVersion().equals(groupVersion)).findFirst().orElse(null);
            respond(exchange, api == null ? 404 : 200, api == null ? notFound() : resourceList(api));
        } else if (path.endsWith("/secrets")) {
            respond(exchange, 200, "{\"apiVersion\":\"v1\",\"kind\":\"SecretList\",\"metadata\":{},\"items\":[]}");
        } else {
            respond(exchange, 404, notFound());
        }
    }

    private String groupList() {
        Map<String, String> groups = new LinkedHashMap<>();
        apis.stream().filter(api -> api.groupVersion().contains("/"))
                .forEach(api -> groups.put(api.groupVersion().split("/")[0], api.groupVersion()));
        return groups.entrySet().stream()
                .map(group -> """
                        {"name":"%s","versions":[{"groupVersion":"%s","version":"%s"}],\
                        "preferredVersion":{"groupVersion":"%s","version":"%s"}}"""
                        .formatted(group.getKey(), group.getValue(), group.getValue().split("/")[1], group.getValue(),
                                group.getValue().split("/")[1]))
                .collect(Collectors.joining(",", "{\"kind\":\"APIGroupList\",\"apiVersion\":\"v1\",\"groups\":[", "]}"));
    }

    private static String resourceList(Api api) {
        return api.kinds().entrySet().stream()
                .map(kind -> """
                        {"name":"%s","singularName":"%s","namespaced":true,"kind":"%s",\
                        "verbs":["create","delete","get","list","patch","update","watch"]}"""
                        .formatted(kind.getValue(), kind.getKey().toLowerCase(), kind.getKey()))
                .collect(Collectors.joining(",",
                        "{\"kind\":\"APIResourceList\",\"groupVersion\":\"" + api.groupVersion() + "\",\"resources\":[",
                        "]}"));
    }

    private static String notFound() {
        return "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"reason\":\"NotFound\",\"code\":404}";
    }

    private static void respond(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
