package dev.marquee.contracts.template;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.Message.Translation;

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
     * Each text falls back on its own along the chain: with {@code fr-CA} holding only a title and {@code fr}
     * complete, an {@code fr-CA} user gets the Canadian title and the French body and buttons, never the default's.
     *
     * @param requested the tag the device reports ({@code fr-CA}, {@code fr_CA}); may be null
     * @param profile the user's attributes by template name ({@code first_name}, {@code custom.plan}); may be empty
     */
    public static Rendered render(Message message, String requested, Map<String, ?> profile) {
        Locale userLocale = requested == null || requested.isBlank()
                ? Locale.ENGLISH
                : Locale.forLanguageTag(requested.replace('_', '-'));
        List<String> tags = chain(message.locales(), userLocale, requested);
        List<Translation> chain = tags.stream().map(tag -> message.locales().get(tag)).toList();
        Texts texts = new Texts(profile, userLocale);
        List<Message.Page> pages = null;
        if (message.pages() != null) {
            pages = new ArrayList<>();
            for (int i = 0; i < message.pages().size(); i++) {
                Message.Page page = message.pages().get(i);
                List<Translation.PageText> pt = positional(chain, Translation::pages, i);
                pages.add(new Message.Page(texts.of(first(pt, Translation.PageText::title), page.title()),
                        texts.of(first(pt, Translation.PageText::body), page.body()),
                        media(page.media(), first(pt, Translation.PageText::alt), texts),
                        buttons(page.buttons(), labels(pt, Translation.PageText::buttonLabels), texts)));
            }
        }
        List<Message.Question> questions = null;
        if (message.questions() != null) {
            questions = new ArrayList<>();
            for (int i = 0; i < message.questions().size(); i++) {
                Message.Question q = message.questions().get(i);
                List<Translation.QuestionText> qt = positional(chain, Translation::questions, i);
                Function<String, String> choiceLabel = labels(qt, Translation.QuestionText::choiceLabels);
                List<Message.Question.Choice> choices = q.choices() == null
                        ? null
                        : q.choices().stream()
                                .map(c -> new Message.Question.Choice(c.id(), texts.of(choiceLabel.apply(c.id()), c.label())))
                                .toList();
                questions.add(new Message.Question(q.id(), q.kind(),
                        texts.of(first(qt, Translation.QuestionText::prompt), q.prompt()), choices, q.required()));
            }
        }
        Message rendered = new Message(message.format(),
                texts.of(first(chain, Translation::title), message.title()),
                texts.of(first(chain, Translation::body), message.body()),
                media(message.media(), first(chain, Translation::alt), texts),
                buttons(message.buttons(), labels(chain, Translation::buttonLabels), texts),
                message.theme(), message.banner(), message.card(), pages, questions, message.tooltip(),
                texts.html(message.html()), message.payload(), null);
        return new Rendered(tags.isEmpty() ? DEFAULT_LOCALE : tags.get(0), rendered);
    }

    /** The translations the message has for the user, best first: {@code fr-CA}, then {@code fr}. */
    private static List<String> chain(Map<String, Translation> locales, Locale locale, String requested) {
        if (locales == null || locales.isEmpty() || requested == null || requested.isBlank()) {
            return List.of();
        }
        Set<String> chain = new LinkedHashSet<>();
        chain.add(locale.toLanguageTag());
        if (!locale.getScript().isEmpty()) {
            chain.add(locale.getLanguage() + "-" + locale.getScript());
        }
        chain.add(locale.getLanguage());
        return chain.stream().filter(locales::containsKey).toList();
    }

    /** The first text along the chain that has one; null sends the text to the message's own. */
    private static <T> String first(List<T> chain, Function<T, String> text) {
        for (T translation : chain) {
            String value = translation == null ? null : text.apply(translation);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** Labels by id (buttons, choices), each along the chain on its own. */
    private static <T> Function<String, String> labels(List<T> chain, Function<T, Map<String, String>> labels) {
        return id -> first(chain, t -> {
            Map<String, String> byId = labels.apply(t);
            return byId == null ? null : byId.get(id);
        });
    }

    /** The texts of the i-th page or question in each translation of the chain that has one. */
    private static <T> List<T> positional(List<Translation> chain, Function<Translation, List<T>> items, int i) {
        List<T> texts = new ArrayList<>();
        for (Translation translation : chain) {
            List<T> list = translation == null ? null : items.apply(translation);
            if (list != null && i < list.size() && list.get(i) != null) {
                texts.add(list.get(i));
            }
        }
        return texts;
    }

    private static Message.Media media(Message.Media media, String alt, Texts texts) {
        return media == null ? null : new Message.Media(media.url(), texts.of(alt, media.alt()));
    }

    private static List<Message.Button> buttons(List<Message.Button> buttons, Function<String, String> labels,
            Texts texts) {
        if (buttons == null) {
            return null;
        }
        return buttons.stream()
                .map(b -> new Message.Button(b.id(), texts.of(labels.apply(b.id()), b.label()), b.action(), b.url(),
                        b.event()))
                .toList();
    }

    /**
     * Picks the translated text when there is one, and personalizes it. Only the HTML document gets its values
     * escaped: every other text is shown as text by the SDKs, where an escaped {@code &} would show as {@code &amp;}.
     */
    private record Texts(Map<String, ?> profile, Locale locale) {

        String of(String translated, String fallback) {
            return render(translated != null ? translated : fallback, false);
        }

        String html(String document) {
            return render(document, true);
        }

        private String render(String text, boolean html) {
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
