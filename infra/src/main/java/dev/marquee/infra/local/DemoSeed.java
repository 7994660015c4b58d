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

    /** The demo app's deep links, such as {@code demoshop://checkout}. */
    public static final String DEEP_LINK_SCHEME = "demoshop";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String gatewayUrl;

    public DemoSeed(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    /** What a newcomer needs to call the demo: the app and the two secrets, shown once. */
    public record DemoApp(String appId, String sdkKey, String adminToken, String campaignId) {
    }

    /** An app with no campaign, its default SDK key (any origin) and admin token: answered once the gateway knows them. */
    public record NewApp(String appId, String sdkKey, String adminToken) {
    }

    public NewApp app(String operatorToken, String name) throws IOException, InterruptedException {
        JsonNode app = send("POST", "/v1/apps", operatorToken, Map.of("name", name), 201);
        NewApp created = new NewApp(app.get("id").asText(), app.get("sdkKey").asText(), app.get("adminToken").asText());
        awaitCredentialsLive(created.appId(), created.adminToken(), Duration.ofSeconds(30));
        return created;
    }

    public DemoApp seed(String operatorToken) throws IOException, InterruptedException {
        NewApp app = app(operatorToken, "Demo shop");
        String appId = app.appId();
        String adminToken = app.adminToken();
        String sdkKey = app.sdkKey();

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

    /** The demo shop's own SDK key (bound to the demo page's origins) and the ids of its campaigns. */
    public record Shop(String sdkKey, String bannerId, String cardId, String surveyId) {
    }

    /**
     * Adds what the demo shop page shows besides the welcome modal: a web SDK key bound to the page's origins (the
     * gateway answers CORS for them), a banner after a product view, a card in the inbox and an NPS survey after an
     * order, all live. The workspace caps are relaxed (no minimum interval) so that a newcomer sees every message in
     * one visit, and HTML messages are on so that the browser tests can show one.
     */
    public Shop seedShop(DemoApp app, List<String> origins) throws IOException, InterruptedException {
        relaxCaps(app.appId(), app.adminToken());
        String sdkKey = webKey(app.appId(), app.adminToken(), origins);
        String banner = live(app, Map.of(
                "name", "Free shipping banner on product pages",
                "triggers", List.of(Map.of("type", "SCREEN_VIEW", "name", "product")),
                "frequency", Map.of("perSessionCap", 1, "lifetimeCap", 3),
                "message", Map.of(
                        "format", "BANNER",
                        "body", "Free shipping on every order this week",
                        "banner", Map.of("position", "TOP", "autoDismissSeconds", 15),
                        "locales", Map.of("fr", Map.of("body", "Livraison gratuite sur toutes les commandes cette semaine")))));
        String card = live(app, Map.of(
                "name", "Loyalty card in the inbox",
                "triggers", List.of(Map.of("type", "API")),
                "message", Map.of(
                        "format", "CARD",
                        "title", "You have 120 loyalty points",
                        "body", "Use them at checkout: 100 points take 5 € off.",
                        "card", Map.of("pinned", true),
                        "buttons", List.of(Map.of("id", "use", "label", "Use my points", "action", "DEEP_LINK", "url",
                                "demoshop://checkout")))));
        String survey = live(app, Map.of(
                "name", "NPS after an order",
                "triggers", List.of(Map.of("type", "CUSTOM_EVENT", "name", "order_completed")),
                "frequency", Map.of("lifetimeCap", 1),
                "message", Map.of(
                        "format", "SURVEY",
                        "title", "Thanks for your order!",
                        "questions", List.of(
                                Map.of("id", "nps", "kind", "NPS", "prompt",
                                        "How likely are you to recommend the demo shop to a friend?", "required", true),
                                Map.of("id", "why", "kind", "FREE_TEXT", "prompt", "What could we do better?")))));
        return new Shop(sdkKey, banner, card, survey);
    }

    /**
     * Workspace caps loose enough to see many messages in a row (no minimum interval), HTML messages on, and the demo's
     * own deep-link scheme declared (deep links are an allowlist of the app's {@code linkSchemes}).
     */
    public void relaxCaps(String appId, String adminToken) throws IOException, InterruptedException {
        send("PUT", "/v1/apps/" + appId + "/settings", adminToken, Map.of("maxMessagesPerSession", 50,
                "maxMessagesPerDay", 200, "minSecondsBetweenMessages", 0, "htmlMessages", true,
                "linkSchemes", List.of(DEEP_LINK_SCHEME)), 200);
    }

    /**
     * A development SDK key for web pages of these origins (the gateway answers their CORS preflights), with the
     * {@code DEBUG} scope so that the SDK's debug mode can show the server's reasons; its secret.
     */
    public String webKey(String appId, String adminToken, List<String> origins) throws IOException, InterruptedException {
        return send("POST", "/v1/apps/" + appId + "/keys", adminToken, Map.of("kind", "SDK_KEY", "name", "web page",
                "scopes", List.of("READ", "TRACK", "DEBUG"), "allowedOrigins", origins), 201).get("secret").asText();
    }

    private String live(DemoApp app, Map<String, Object> campaign) throws IOException, InterruptedException {
        String path = "/v1/apps/" + app.appId() + "/campaigns";
        String id = send("POST", path, app.adminToken(), campaign, 201).get("id").asText();
        send("POST", path + "/" + id + "/actions/activate", app.adminToken(), null, 200);
        return id;
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
