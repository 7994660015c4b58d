package dev.marquee.contracts.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.Message.Translation;
import dev.marquee.contracts.campaign.MessageFormat;

/**
 * Turns a stored message into what one user sees: the texts of the best locale (fallback chain fr-CA → fr →
 * default), personalized with {@link Template} for the user's profile. campaign-service's preview and
 * delivery-service's SDK answers both use it, so a preview shows exactly what the SDK gets.
 */
public final class MessageRenderer {

    /** The locale reported when no translation matched. */
    public static final String DEFAULT_LOCALE = "default";

    /** Parsed templates by text: see {@link #parsed}. */
    private static final Map<String, Template> PARSED = new ConcurrentHashMap<>();
    private static final int MAX_PARSED = 10_000;

    private MessageRenderer() {
    }

    /** A message in one locale with every text rendered; its {@code locales} map is dropped. */
    public record Rendered(String locale, Message message) {
    }

    /**
     * @param requested the tag the device reports ({@code fr-CA}, {@code fr_CA}); may be null
     * @param profile the user's attributes by template name ({@code first_name}, {@code custom.plan}); may be empty
     */
    public static Rendered render(Message message, String requested, Map<String, ?> profile) {
        Locale userLocale = requested == null || requested.isBlank()
                ? Locale.ENGLISH
                : Locale.forLanguageTag(requested.replace('_', '-'));
        String tag = pick(message.locales(), userLocale, requested);
        Translation t = tag == null ? null : message.locales().get(tag);
        Texts texts = new Texts(profile, userLocale, message.format() == MessageFormat.HTML);
        List<Message.Page> pages = null;
        if (message.pages() != null) {
            pages = new ArrayList<>();
            for (int i = 0; i < message.pages().size(); i++) {
                Message.Page page = message.pages().get(i);
                Translation.PageText pt = t == null || t.pages() == null || i >= t.pages().size() ? null : t.pages().get(i);
                pages.add(new Message.Page(texts.of(pt == null ? null : pt.title(), page.title()),
                        texts.of(pt == null ? null : pt.body(), page.body()),
                        media(page.media(), pt == null ? null : pt.alt(), texts),
                        buttons(page.buttons(), pt == null ? null : pt.buttonLabels(), texts)));
            }
        }
        List<Message.Question> questions = null;
        if (message.questions() != null) {
            questions = new ArrayList<>();
            for (int i = 0; i < message.questions().size(); i++) {
                Message.Question q = message.questions().get(i);
                Translation.QuestionText qt = t == null || t.questions() == null || i >= t.questions().size()
                        ? null
                        : t.questions().get(i);
                List<Message.Question.Choice> choices = q.choices() == null
                        ? null
                        : q.choices().stream().map(c -> new Message.Question.Choice(c.id(),
                                texts.of(qt == null || qt.choiceLabels() == null ? null : qt.choiceLabels().get(c.id()),
                                        c.label())))
                                .toList();
                questions.add(new Message.Question(q.id(), q.kind(), texts.of(qt == null ? null : qt.prompt(), q.prompt()),
                        choices, q.required()));
            }
        }
        Message rendered = new Message(message.format(),
                texts.of(t == null ? null : t.title(), message.title()),
                texts.of(t == null ? null : t.body(), message.body()),
                media(message.media(), t == null ? null : t.alt(), texts),
                buttons(message.buttons(), t == null ? null : t.buttonLabels(), texts),
                message.theme(), message.banner(), message.card(), pages, questions, message.tooltip(),
                texts.of(null, message.html()), message.payload(), null);
        return new Rendered(tag == null ? DEFAULT_LOCALE : tag, rendered);
    }

    private static String pick(Map<String, Translation> locales, Locale locale, String requested) {
        if (locales == null || locales.isEmpty() || requested == null || requested.isBlank()) {
            return null;
        }
        Set<String> chain = new LinkedHashSet<>();
        chain.add(locale.toLanguageTag());
        if (!locale.getScript().isEmpty()) {
            chain.add(locale.getLanguage() + "-" + locale.getScript());
        }
        chain.add(locale.getLanguage());
        return chain.stream().filter(locales::containsKey).findFirst().orElse(null);
    }

    private static Message.Media media(Message.Media media, String alt, Texts texts) {
        return media == null ? null : new Message.Media(media.url(), texts.of(alt, media.alt()));
    }

    private static List<Message.Button> buttons(List<Message.Button> buttons, Map<String, String> labels, Texts texts) {
        if (buttons == null) {
            return null;
        }
        return buttons.stream()
                .map(b -> new Message.Button(b.id(), texts.of(labels == null ? null : labels.get(b.id()), b.label()),
                        b.action(), b.url(), b.event()))
                .toList();
    }

    /** Picks the translated text when there is one, and personalizes it. */
    private record Texts(Map<String, ?> profile, Locale locale, boolean html) {

        String of(String translated, String fallback) {
            String text = translated != null ? translated : fallback;
            if (text == null || !Template.hasPlaceholders(text)) {
                return text;
            }
            return parsed(text).render(profile, locale, html);
        }
    }

    /**
     * The same texts are rendered for every user (a sync renders every eligible message): each is parsed once. A
     * template is immutable; the cache is emptied when it holds more texts than live campaigns plausibly have, so
     * the texts of edited and ended campaigns do not pile up.
     */
    private static Template parsed(String text) {
        if (PARSED.size() >= MAX_PARSED) {
            PARSED.clear();
        }
        return PARSED.computeIfAbsent(text, Template::parse);
    }
}
