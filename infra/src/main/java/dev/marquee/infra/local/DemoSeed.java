package dev.marquee.infra.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Creates the demo app, its keys and a live welcome campaign through the gateway, exactly as an internal team would
 * with the management API, and waits until the SDK API serves the campaign.
 */
public final class DemoSeed {

    public static final String DEMO_USER = "demo-user";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;

    public DemoSeed(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** What a newcomer needs to call the demo: the app and the two secrets, shown once. */
    public record DemoApp(String appId, String sdkKey, String adminToken, String campaignId) {
    }

    public DemoApp seed(String operatorToken) throws IOException, InterruptedException {
        JsonNode app = send("POST", "/v1/apps", operatorToken, Map.of("name", "Demo shop"), 201);
        String appId = app.get("id").asText();
        String adminToken = app.get("adminToken").asText();
        String sdkKey = app.get("sdkKey").asText();
        awaitCredentialsLive(appId, adminToken, Duration.ofSeconds(30));

        Map<String, Object> campaign = Map.of(
                "name", "Welcome to the demo shop",
                "triggers", List.of(Map.of("type", "SESSION_START")),
                "message", Map.of(
                        "format", "MODAL",
                        "title", "Welcome to the demo shop",
                        "body", "Marquee is running. This modal came from a live campaign.",
                        "buttons", List.of(Map.of("id", "start", "label", "Start shopping", "action", "DISMISS")),
                        "locales", Map.of("fr", Map.of(
                                "title", "Bienvenue dans la boutique de démo",
                                "body", "Marquee fonctionne. Cette fenêtre vient d'une campagne active.",
                                "buttonLabels", Map.of("start", "Commencer")))));
        JsonNode created = send("POST", "/v1/apps/" + appId + "/campaigns", adminToken, campaign, 201);
        String campaignId = created.get("id").asText();
        send("POST", "/v1/apps/" + appId + "/campaigns/" + campaignId + "/actions/activate", adminToken, null, 200);

        awaitServed(sdkKey, campaignId, Duration.ofSeconds(30));
        return new DemoApp(appId, sdkKey, adminToken, campaignId);
    }

    /**
     * A new app's credentials reach the gateway through Kafka ({@code app.events.v1}), within about a second: until
     * then the gateway does not know the admin token yet.
     */
    public void awaitCredentialsLive(String appId, String adminToken, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/apps/" + appId))
                .header("Authorization", "Bearer " + adminToken)
                .build();
        while (Instant.now().isBefore(deadline)) {
            if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IOException("the admin token of app " + appId + " was not accepted within " + timeout.toSeconds()
                + " s");
    }

    private void awaitServed(String sdkKey, String campaignId, Duration timeout)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/v1/sdk/messages?userId="
                + URLEncoder.encode(DEMO_USER, StandardCharsets.UTF_8)))
                .header("X-Marquee-Key", sdkKey)
                .build();
        while (Instant.now().isBefore(deadline)) {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200 && response.body().contains(campaignId)) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IOException("the demo campaign was not served by /v1/sdk/messages within " + timeout.toSeconds() + " s");
    }

    private JsonNode send(String method, String path, String token, Object body, int expectedStatus)
            throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + path))
                .method(method, publisher)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expectedStatus) {
            throw new IOException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }
}
