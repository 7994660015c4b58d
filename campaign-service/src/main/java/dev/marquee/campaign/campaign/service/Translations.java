package dev.marquee.campaign.campaign.service;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import dev.marquee.campaign.campaign.rest.CampaignRequest;
import dev.marquee.campaign.rest.InvalidFieldException;
import dev.marquee.contracts.campaign.Message;

/** The translations of a message: canonical BCP 47 tags, and labels only for buttons the message has. */
final class Translations {

    /** Language, optional script, optional region, as devices report them: {@code fr}, {@code zh-Hant-TW}. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?");

    private Translations() {
    }

    static Map<String, Message.Translation> check(Map<String, CampaignRequest.TranslationRequest> locales,
            Set<String> buttonIds) {
        Map<String, Message.Translation> checked = new TreeMap<>();
        if (locales == null) {
            return checked;
        }
        locales.forEach((tag, translation) -> {
            String field = "message.locales." + tag;
            if (!LANGUAGE_TAG.matcher(tag).matches() || !Locale.forLanguageTag(tag).toLanguageTag().equals(tag)) {
                throw new InvalidFieldException(field, "is not a BCP 47 language tag such as fr or fr-CA");
            }
            Map<String, String> labels = new TreeMap<>();
            if (translation.buttonLabels() != null) {
                translation.buttonLabels().forEach((buttonId, label) -> {
                    if (!buttonIds.contains(buttonId)) {
                        throw new InvalidFieldException(field + ".buttonLabels." + buttonId, "names no button");
                    }
                    labels.put(buttonId, label.strip());
                });
            }
            checked.put(tag, new Message.Translation(translation.title().strip(), translation.body().strip(), labels));
        });
        return checked;
    }
}
