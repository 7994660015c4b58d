package dev.marquee.contracts.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.marquee.contracts.campaign.Message.Button.Action;

class LinkPolicyTest {

    private static final List<String> APP = List.of("demoshop", "myapp");

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com", "javascript:alert(1)", "https:/nohost", "data:text/html,hi", "ftp://x",
            "not a url"})
    void onlyHttpsWithAHostIsAPageOrAnImage(String url) {
        assertTrue(LinkPolicy.httpsProblem(url).isPresent(), url);
        assertTrue(LinkPolicy.buttonProblem(Action.URL, url, APP).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "data:text/html,hi", "file:///etc/passwd", "intent://x", "http://a.b",
            "https://a.b", "no-scheme", "itms-services://?action=download-manifest&url=https://x/m.plist",
            "jar:https://x/a.jar!/", "ftp://x/a", "ws://x", "view-source:https://x", "otherapp://pay"})
    void aDeepLinkUsesTheAppsOwnScheme(String url) {
        assertTrue(LinkPolicy.buttonProblem(Action.DEEP_LINK, url, APP).isPresent(), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://shop.example.com/pricing", "HTTPS://CDN.EXAMPLE.COM/a.png"})
    void httpsPagesPass(String url) {
        assertEquals(Optional.empty(), LinkPolicy.httpsProblem(url));
    }

    @ParameterizedTest
    @ValueSource(strings = {"demoshop://cart", "myapp://settings/billing?tab=card"})
    void appDeepLinksPass(String url) {
        assertEquals(Optional.empty(), LinkPolicy.buttonProblem(Action.DEEP_LINK, url, APP));
    }

    @ParameterizedTest
    @ValueSource(strings = {"DISMISS", "LOG_EVENT"})
    void buttonsThatGoNowhereTakeNoUrl(String action) {
        assertEquals(Optional.empty(), LinkPolicy.buttonProblem(Action.valueOf(action), null, APP));
        assertTrue(LinkPolicy.buttonProblem(Action.valueOf(action), "https://x.y", APP).isPresent());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https", "http", "javascript", "itms-services", "jar", "ftp", "ws", "view-source", "Demo",
            "1app", "a b", ""})
    void anAppCannotDeclareAReservedOrMalformedScheme(String scheme) {
        assertTrue(LinkPolicy.schemeProblem(scheme).isPresent(), scheme);
    }

    @ParameterizedTest
    @ValueSource(strings = {"demoshop", "com.example.app", "my-app+beta"})
    void anAppDeclaresItsOwnScheme(String scheme) {
        assertEquals(Optional.empty(), LinkPolicy.schemeProblem(scheme));
    }
}
