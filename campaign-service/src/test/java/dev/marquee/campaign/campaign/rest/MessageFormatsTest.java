package dev.marquee.campaign.campaign.rest;

import static dev.marquee.campaign.CampaignApi.createApp;
import static dev.marquee.campaign.CampaignApi.createCampaign;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Every format has its own shape: a valid example of each is stored as given, a wrong shape names the field. */
@QuarkusTest
class MessageFormatsTest {

    static final Map<String, Object> IMAGE = Map.of("url", "https://cdn.example.com/hero.png", "alt", "A red sneaker");

    static final Map<String, Map<String, Object>> EXAMPLES = Map.of(
            "BANNER", Map.of("format", "BANNER", "body", "Free shipping today",
                    "banner", Map.of("position", "TOP", "autoDismissSeconds", 20)),
            "MODAL", Map.of("format", "MODAL", "title", "Hello", "body", "Welcome", "media", IMAGE,
                    "buttons", List.of(Map.of("id", "ok", "label", "OK", "action", "DISMISS"),
                            Map.of("id", "track", "label", "Remind me", "action", "LOG_EVENT", "event", "remind_me"))),
            "FULL_SCREEN", Map.of("format", "FULL_SCREEN", "title", "New: dark mode", "media", IMAGE),
            "IMAGE_ONLY", Map.of("format", "IMAGE_ONLY", "media", IMAGE,
                    "buttons", List.of(Map.of("id", "shop", "label", "Shop", "action", "DEEP_LINK", "url", "shop://sale"))),
            "CARD", Map.of("format", "CARD", "title", "Your receipt", "body", "Thanks for your order",
                    "card", Map.of("pinned", true, "expiresAt", "2099-01-01T00:00:00Z")),
            "CAROUSEL", Map.of("format", "CAROUSEL", "pages", List.of(
                    Map.of("title", "Step 1", "body", "Pick a size"), Map.of("title", "Step 2", "media", IMAGE))),
            "SURVEY", Map.of("format", "SURVEY", "title", "Quick question", "questions", List.of(
                    Map.of("id", "nps", "kind", "NPS", "prompt", "How likely are you to recommend us?", "required", true),
                    Map.of("id", "why", "kind", "SINGLE_CHOICE", "prompt", "Why?",
                            "choices",
                            List.of(Map.of("id", "price", "label", "Price"), Map.of("id", "speed", "label", "Speed"))),
                    Map.of("id", "more", "kind", "FREE_TEXT", "prompt", "Anything else?"))),
            "TOOLTIP", Map.of("format", "TOOLTIP", "body", "Filter by size here",
                    "tooltip", Map.of("anchor", "size-filter", "placement", "RIGHT")),
            "HTML", Map.of("format", "HTML", "html", "<h1>Hi {{ user.first_name | default: \"there\" }}</h1>"),
            "CUSTOM_JSON", Map.of("format", "CUSTOM_JSON", "payload", Map.of("layout", "hero", "sku", 42)));

    @Test
    void eachFormatIsStoredWithItsShape() {
        String appId = createApp("Formats");
        allowHtml(appId, true);
        EXAMPLES.forEach((format, message) -> {
            String id = createCampaign(appId, campaign(message));
            given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                    .then().statusCode(200)
                    .body("variants[0].message.format", equalTo(format));
        });
        String carousel = createCampaign(appId, campaign(EXAMPLES.get("CAROUSEL")));
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, carousel)
                .then().body("variants[0].message.pages[1].media.alt", equalTo("A red sneaker"));
        String custom = createCampaign(appId, campaign(EXAMPLES.get("CUSTOM_JSON")));
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, custom)
                .then().body("variants[0].message.payload.sku", equalTo(42));
    }

    @Test
    void htmlMessagesAreOptInPerApp() {
        String appId = createApp("No HTML");
        refused(appId, EXAMPLES.get("HTML"), "message.format", "HTML messages are off");

        allowHtml(appId, true);
        createCampaign(appId, campaign(EXAMPLES.get("HTML")));
        given().contentType(ContentType.JSON).body(settings(false))
                .when().put("/v1/apps/{appId}/settings", appId)
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("use HTML"));
        given().when().get("/v1/apps/{appId}/settings", appId).then().body("htmlMessages", equalTo(true));
    }

    @Test
    void aPartOfAnotherFormatIsRefused() {
        String appId = createApp("Wrong shape");
        Map<String, Object> banner = new HashMap<>(EXAMPLES.get("BANNER"));
        banner.put("pages", EXAMPLES.get("CAROUSEL").get("pages"));
        refused(appId, banner, "message.pages", "not part of a BANNER message");

        Map<String, Object> imageOnly = new HashMap<>(EXAMPLES.get("IMAGE_ONLY"));
        imageOnly.put("title", "Sale");
        refused(appId, imageOnly, "message.title", "not part of a IMAGE_ONLY message");

        refused(appId, Map.of("format", "BANNER", "body", "No position"), "message.banner", "is required");
        refused(appId, Map.of("format", "TOOLTIP", "body", "Where?"), "message.tooltip", "is required");
        refused(appId, Map.of("format", "CUSTOM_JSON"), "message.payload", "is required");
    }

    @Test
    void aCarouselHasTwoToTenPages() {
        String appId = createApp("Carousel");
        List<Map<String, Object>> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Map.of("title", "Page " + i));
        }
        refused(appId, Map.of("format", "CAROUSEL", "pages", eleven), "message.pages", "size must be between 0 and 10");
        refused(appId, Map.of("format", "CAROUSEL", "pages", eleven.subList(0, 1)), "message.pages", "2 to 10 pages");
        refused(appId, Map.of("format", "CAROUSEL", "pages", List.of(Map.of("title", "A"), Map.of("body", " "))),
                "message.pages[1]", "needs a title, a body or media");
    }

    @Test
    void imagesNeedAltTextAndHttps() {
        String appId = createApp("Media");
        refused(appId, Map.of("format", "IMAGE_ONLY", "media", Map.of("url", "https://cdn.example.com/a.png")),
                "message.media.alt", "screen readers");
        refused(appId, Map.of("format", "IMAGE_ONLY", "media", Map.of("url", "http://cdn.example.com/a.png", "alt", "A")),
                "message.media.url", "https");
    }

    @Test
    void surveyQuestionsHaveTheChoicesOfTheirKind() {
        String appId = createApp("Survey");
        refused(appId, survey(Map.of("id", "q", "kind", "SINGLE_CHOICE", "prompt", "Pick", "choices",
                List.of(Map.of("id", "a", "label", "A")))), "message.questions[0].choices", "2 to 10 choices");
        refused(appId, survey(Map.of("id", "q", "kind", "NPS", "prompt", "Score", "choices",
                List.of(Map.of("id", "a", "label", "A"), Map.of("id", "b", "label", "B")))),
                "message.questions[0].choices", "only choice questions");
        List<Map<String, Object>> six = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            six.add(Map.of("id", "q" + i, "kind", "FREE_TEXT", "prompt", "Why?"));
        }
        refused(appId, Map.of("format", "SURVEY", "title", "Too long", "questions", six), "message.questions",
                "size must be between 0 and 5");
    }

    @Test
    void buttonsLogEventsOrLinkSafely() {
        String appId = createApp("Buttons");
        refused(appId, modalWithButton(Map.of("id", "e", "label", "E", "action", "LOG_EVENT")),
                "message.buttons[0].event", "is required");
        refused(appId, modalWithButton(Map.of("id", "e", "label", "E", "action", "DISMISS", "event", "x")),
                "message.buttons[0].event", "only a LOG_EVENT");
        refused(appId, modalWithButton(Map.of("id", "e", "label", "E", "action", "URL", "url", "javascript:alert(1)")),
                "message.buttons[0].url", "https");
        Map<String, Object> four = new HashMap<>(EXAMPLES.get("MODAL"));
        four.put("buttons", List.of(button("a"), button("b"), button("c"), button("d")));
        refused(appId, four, "message.buttons", "size must be between 0 and 3");
    }

    @Test
    void themeTokensAreColoursAndASaneFont() {
        String appId = createApp("Theme");
        Map<String, Object> themed = new HashMap<>(EXAMPLES.get("MODAL"));
        themed.put("theme", Map.of("light", Map.of("background", "#FFFFFF", "text", "#111111"),
                "dark", Map.of("background", "#000000cc"), "cornerRadius", 12, "fontFamily", "'Inter', sans-serif"));
        String id = createCampaign(appId, campaign(themed));
        given().when().get("/v1/apps/{appId}/campaigns/{id}", appId, id)
                .then().body("variants[0].message.theme.light.background", equalTo("#ffffff"))
                .body("variants[0].message.theme.cornerRadius", equalTo(12));

        themed.put("theme", Map.of("light", Map.of("background", "red")));
        refused(appId, themed, "message.theme.light.background", "colour");
        themed.put("theme", Map.of("fontFamily", "x;}</style><script>"));
        refused(appId, themed, "message.theme.fontFamily", "font family");
    }

    static void allowHtml(String appId, boolean allowed) {
        given().contentType(ContentType.JSON).body(settings(allowed))
                .when().put("/v1/apps/{appId}/settings", appId)
                .then().statusCode(200).body("htmlMessages", equalTo(allowed));
    }

    private static Map<String, Object> settings(boolean html) {
        return Map.of("maxMessagesPerSession", 10, "maxMessagesPerDay", 10, "minSecondsBetweenMessages", 30,
                "htmlMessages", html, "linkSchemes", List.of("shop"));
    }

    static Map<String, Object> campaign(Map<String, Object> message) {
        return Map.of("name", "Format", "triggers", List.of(Map.of("type", "SESSION_START")), "message", message);
    }

    static void refused(String appId, Map<String, Object> message, String field, String reason) {
        given().contentType(ContentType.JSON).body(campaign(message))
                .when().post("/v1/apps/{appId}/campaigns", appId)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", containsString(reason));
    }

    private static Map<String, Object> survey(Map<String, Object> question) {
        return Map.of("format", "SURVEY", "title", "Survey", "questions", List.of(question));
    }

    private static Map<String, Object> modalWithButton(Map<String, Object> button) {
        return Map.of("format", "MODAL", "title", "Hi", "body", "There", "buttons", List.of(button));
    }

    private static Map<String, Object> button(String id) {
        return Map.of("id", id, "label", id, "action", "DISMISS");
    }
}
