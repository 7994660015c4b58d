package dev.marquee.contracts.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.marquee.contracts.campaign.Message.Button.Action;

class LinkPolicyTest {

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "javascript:alert(1)", "https:/nohost", "data:text/html,hi", "ftp://x",
            "not a url"})
    void onlyHttpsWithAHostIsAPageOrAnImage(String url) {
        assertTrue(LinkPolicy.httpsProblem(url).isPresent(), url);
        assertTrue(LinkPolicy.buttonProblem(Action.URL, url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "intent://x", "http://a.b",
            "https://a.b", "no-scheme"})
    void aDeepLinkUsesTheAppsOwnScheme(String url) {
        assertTrue(LinkPolicy.buttonProblem(Action.DEEP_LINK, url).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com/pricing", "HTTPS://CDN.EXAMPLE.COM/a.png"})
    void httpsPagesPass(String url) {
        assertEquals(Optional.empty(), LinkPolicy.httpsProblem(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demoshop://cart", "myapp://settings/billing?tab=card"})
    void appDeepLinksPass(String url) {
        assertEquals(Optional.empty(), LinkPolicy.buttonProblem(Action.DEEP_LINK, url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DISMISS", "LOG_EVENT"})
    void buttonsThatGoNowhereTakeNoUrl(String action) {
        assertEquals(Optional.empty(), LinkPolicy.buttonProblem(Action.valueOf(action), null));
        assertTrue(LinkPolicy.buttonProblem(Action.valueOf(action), "https://x.y").isPresent());
    }
}
