package dev.marquee.delivery.message.service;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.marquee.contracts.campaign.Button;
import dev.marquee.contracts.campaign.Message;

/** Picks the text of a message for the user's locale, by the fallback chain fr-CA → fr → default. */
public final class Localization {

    public static final String DEFAULT = "default";

    private Localization() {
    }

    /** The message's text in the best locale; {@code requested} may be null or any tag the device reports. */
    public static Localized localize(Message message, String requested) {
        Map<String, Message.Translation> locales = message.locales() == null ? Map.of() : message.locales();
        if (requested != null && !requested.isBlank() && !locales.isEmpty()) {
            Locale locale = Locale.forLanguageTag(requested.replace('_', '-'));
            for (String tag : List.of(locale.toLanguageTag(), locale.getLanguage())) {
                Message.Translation translation = locales.get(tag);
                if (translation != null) {
                    return new Localized(tag, translation.title(), translation.body(),
                            labelled(message.buttons(), translation.buttonLabels()));
                }
            }
        }
        return new Localized(DEFAULT, message.title(), message.body(), message.buttons());
    }

    /** Text in one locale; {@code locale} says which one was chosen ({@code default} when none matched). */
    public record Localized(String locale, String title, String body, List<Button> buttons) {
    }

    private static List<Button> labelled(List<Button> buttons, Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return buttons;
        }
        return buttons.stream()
                .map(b -> new Button(b.id(), labels.getOrDefault(b.id(), b.label()), b.action(), b.url()))
                .toList();
    }
}
