package dev.marquee.delivery.message.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.contracts.campaign.Button;
import dev.marquee.contracts.campaign.ButtonAction;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageFormat;

class LocalizationTest {

    private static final Message MESSAGE = new Message(MessageFormat.MODAL, "Hello", "Welcome",
            List.of(new Button("ok", "OK", ButtonAction.DISMISS, null),
                    new Button("more", "More", ButtonAction.URL, "https://example.com")),
            Map.of("fr", new Message.Translation("Bonjour", "Bienvenue", Map.of("ok", "D'accord")),
                    "fr-CA", new Message.Translation("Allô", "Bienvenue chez nous", Map.of())));

    @Test
    void anExactTagWins() {
        assertEquals("Allô", Localization.localize(MESSAGE, "fr-CA").title());
    }

    @Test
    void aRegionFallsBackToItsLanguage() {
        Localization.Localized text = Localization.localize(MESSAGE, "fr-BE");
        assertEquals("fr", text.locale());
        assertEquals("Bonjour", text.title());
    }

    @Test
    void anUnknownOrMissingLocaleGetsTheDefault() {
        assertEquals("default", Localization.localize(MESSAGE, "de-DE").locale());
        assertEquals("Hello", Localization.localize(MESSAGE, null).title());
        assertEquals("Hello", Localization.localize(MESSAGE, "").title());
    }

    @Test
    void androidStyleTagsAreUnderstood() {
        assertEquals("Allô", Localization.localize(MESSAGE, "fr_CA").title());
    }

    @Test
    void buttonLabelsAreTranslatedAndMissingOnesFallBack() {
        List<Button> buttons = Localization.localize(MESSAGE, "fr").buttons();
        assertEquals("D'accord", buttons.get(0).label());
        assertEquals("More", buttons.get(1).label());
        assertEquals("https://example.com", buttons.get(1).url());
    }
}
