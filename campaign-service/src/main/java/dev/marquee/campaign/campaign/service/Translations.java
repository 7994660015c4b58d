package dev.marquee.campaign.campaign.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import dev.marquee.campaign.error.InvalidField;
import dev.marquee.contracts.campaign.Message;

/**
 * The translations of a message: canonical BCP 47 tags, and texts only for parts the message has (button and choice
 * labels by id, pages and questions by position). The default texts are the message's own, so they are required by
 * the format, never by a translation.
 */
final class Translations {

    /** Language, optional script, optional region, as devices report them: {@code fr}, {@code zh-Hant-TW}. */
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[A-Z][a-z]{3})?(-([A-Z]{2}|[0-9]{3}))?");

    private Translations() {
    }

    /** Whether a tag is a canonical BCP 47 language tag such as {@code fr} or {@code fr-CA}. */
    static boolean isLanguageTag(String tag) {
        return LANGUAGE_TAG.matcher(tag).matches() && Locale.forLanguageTag(tag).toLanguageTag().equals(tag);
    }

    static Map<String, Message.Translation> check(Map<String, MessageSpec.TranslationSpec> locales, String path,
            Set<String> buttonIds, List<Message.Page> pages, List<Message.Question> questions) {
        Map<String, Message.Translation> checked = new TreeMap<>();
        if (locales == null) {
            return checked;
        }
        locales.forEach((tag, translation) -> {
            String field = path + "." + tag;
            if (!isLanguageTag(tag)) {
                throw new InvalidField(field, "is not a BCP 47 language tag such as fr or fr-CA");
            }
            checked.put(tag, new Message.Translation(
                    MessageShape.text(field + ".title", translation.title(), false),
                    MessageShape.text(field + ".body", translation.body(), false),
                    MessageShape.text(field + ".alt", translation.alt(), false),
                    labels(translation.buttonLabels(), buttonIds, field + ".buttonLabels", "button"),
                    pageTexts(translation.pages(), pages, field + ".pages"),
                    questionTexts(translation.questions(), questions, field + ".questions")));
        });
        return checked;
    }

    private static List<Message.Translation.PageText> pageTexts(List<MessageSpec.PageTextSpec> texts,
            List<Message.Page> pages, String path) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        if (pages == null || texts.size() > pages.size()) {
            throw new InvalidField(path, "has more entries than the message has pages");
        }
        List<Message.Translation.PageText> checked = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            MessageSpec.PageTextSpec text = texts.get(i);
            String field = path + "[" + i + "]";
            Set<String> ids = pages.get(i).buttons().stream().map(Message.Button::id).collect(Collectors.toSet());
            checked.add(new Message.Translation.PageText(MessageShape.text(field + ".title", text.title(), false),
                    MessageShape.text(field + ".body", text.body(), false),
                    MessageShape.text(field + ".alt", text.alt(), false),
                    labels(text.buttonLabels(), ids, field + ".buttonLabels", "button")));
        }
        return List.copyOf(checked);
    }

    private static List<Message.Translation.QuestionText> questionTexts(List<MessageSpec.QuestionTextSpec> texts,
            List<Message.Question> questions, String path) {
        if (texts == null || texts.isEmpty()) {
            return null;
        }
        if (questions == null || texts.size() > questions.size()) {
            throw new InvalidField(path, "has more entries than the message has questions");
        }
        List<Message.Translation.QuestionText> checked = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            MessageSpec.QuestionTextSpec text = texts.get(i);
            String field = path + "[" + i + "]";
            List<Message.Question.Choice> choices = questions.get(i).choices();
            Set<String> ids = choices == null
                    ? Set.of()
                    : choices.stream().map(Message.Question.Choice::id).collect(Collectors.toSet());
            checked.add(new Message.Translation.QuestionText(MessageShape.text(field + ".prompt", text.prompt(), false),
                    labels(text.choiceLabels(), ids, field + ".choiceLabels", "choice")));
        }
        return List.copyOf(checked);
    }

    private static Map<String, String> labels(Map<String, String> labels, Set<String> ids, String path, String what) {
        Map<String, String> checked = new TreeMap<>();
        if (labels != null) {
            labels.forEach((id, label) -> {
                if (!ids.contains(id)) {
                    throw new InvalidField(path + "." + id, "names no " + what);
                }
                checked.put(id, MessageShape.text(path + "." + id, label, false));
            });
        }
        return checked;
    }
}
