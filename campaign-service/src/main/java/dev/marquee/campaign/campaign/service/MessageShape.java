package dev.marquee.campaign.campaign.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.marquee.campaign.error.InvalidField;
import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.MessageFormat;
import dev.marquee.contracts.template.Template;
import dev.marquee.contracts.template.TemplateException;

/**
 * The typed shape of each message format: which parts it requires, which it allows, and the rules inside each part
 * (links, alt text, carousel pages, survey questions, personalization). A message of the wrong shape is refused with
 * the path of the field at fault.
 */
final class MessageShape {

    enum Part {
        TITLE, BODY, MEDIA, BUTTONS, THEME, BANNER, CARD, PAGES, QUESTIONS, TOOLTIP, HTML, PAYLOAD
    }

    private record Shape(Set<Part> required, Set<Part> allowed) {
    }

    private static final Map<MessageFormat, Shape> SHAPES = Map.of(
            MessageFormat.BANNER, shape(EnumSet.of(Part.BODY, Part.BANNER), Part.TITLE, Part.MEDIA, Part.BUTTONS, Part.THEME),
            MessageFormat.MODAL, shape(EnumSet.of(Part.TITLE, Part.BODY), Part.MEDIA, Part.BUTTONS, Part.THEME),
            MessageFormat.FULL_SCREEN, shape(EnumSet.of(Part.TITLE), Part.BODY, Part.MEDIA, Part.BUTTONS, Part.THEME),
            MessageFormat.IMAGE_ONLY, shape(EnumSet.of(Part.MEDIA), Part.BUTTONS, Part.THEME),
            MessageFormat.CARD, shape(EnumSet.of(Part.TITLE, Part.BODY), Part.MEDIA, Part.BUTTONS, Part.THEME, Part.CARD),
            MessageFormat.CAROUSEL, shape(EnumSet.of(Part.PAGES), Part.TITLE, Part.THEME),
            MessageFormat.SURVEY, shape(EnumSet.of(Part.TITLE, Part.QUESTIONS), Part.BODY, Part.THEME),
            MessageFormat.TOOLTIP, shape(EnumSet.of(Part.BODY, Part.TOOLTIP), Part.TITLE, Part.BUTTONS, Part.THEME),
            MessageFormat.HTML, shape(EnumSet.of(Part.HTML), Part.TITLE),
            MessageFormat.CUSTOM_JSON, shape(EnumSet.of(Part.PAYLOAD), Part.TITLE));

    private static final int MIN_PAGES = 2;
    private static final int MIN_CHOICES = 2;

    private MessageShape() {
    }

    /** Checks a message against its format's shape and every rule inside it; {@code path} names it in errors. */
    static Message check(MessageSpec spec, String path, Instant now) {
        Shape shape = SHAPES.get(spec.format());
        Set<Part> present = present(spec);
        for (Part part : Part.values()) {
            String field = path + "." + fieldName(part);
            if (shape.required().contains(part) && !present.contains(part)) {
                throw new InvalidField(field, "is required for a " + spec.format() + " message");
            }
            if (present.contains(part) && !shape.allowed().contains(part)) {
                throw new InvalidField(field, "is not part of a " + spec.format() + " message");
            }
        }
        boolean html = spec.format() == MessageFormat.HTML;
        Set<String> buttonIds = new HashSet<>();
        List<Message.Button> buttons = buttons(spec.buttons(), path + ".buttons", buttonIds);
        List<Message.Page> pages = pages(spec.pages(), path + ".pages");
        List<Message.Question> questions = questions(spec.questions(), path + ".questions");
        return new Message(spec.format(),
                text(path + ".title", spec.title(), false),
                text(path + ".body", spec.body(), false),
                media(spec.media(), path + ".media"),
                buttons,
                theme(spec.theme()),
                spec.banner() == null
                        ? null
                        : new Message.Banner(spec.banner().position(), spec.banner().autoDismissSeconds()),
                card(spec.card(), path + ".card.expiresAt", now),
                pages,
                questions,
                spec.tooltip() == null
                        ? null
                        : new Message.Tooltip(spec.tooltip().anchor(), spec.tooltip().placement() == null
                                ? Message.Tooltip.Placement.BOTTOM
                                : spec.tooltip().placement()),
                text(path + ".html", spec.html(), html),
                spec.payload(),
                Translations.check(spec.locales(), path + ".locales", buttonIds, pages, questions));
    }

    /** Strips a text and checks its personalization placeholders against the template language. */
    static String text(String field, String value, boolean keepWhitespace) {
        if (value == null) {
            return null;
        }
        if (Template.hasPlaceholders(value) || value.contains("}}")) {
            try {
                Template.parse(value);
            } catch (TemplateException e) {
                throw new InvalidField(field, "personalization: " + e.getMessage());
            }
        }
        return keepWhitespace ? value : value.strip();
    }

    private static Set<Part> present(MessageSpec r) {
        Set<Part> present = EnumSet.noneOf(Part.class);
        addIf(present, Part.TITLE, r.title() != null && !r.title().isBlank());
        addIf(present, Part.BODY, r.body() != null && !r.body().isBlank());
        addIf(present, Part.MEDIA, r.media() != null);
        addIf(present, Part.BUTTONS, r.buttons() != null && !r.buttons().isEmpty());
        addIf(present, Part.THEME, r.theme() != null);
        addIf(present, Part.BANNER, r.banner() != null);
        addIf(present, Part.CARD, r.card() != null);
        addIf(present, Part.PAGES, r.pages() != null && !r.pages().isEmpty());
        addIf(present, Part.QUESTIONS, r.questions() != null && !r.questions().isEmpty());
        addIf(present, Part.TOOLTIP, r.tooltip() != null);
        addIf(present, Part.HTML, r.html() != null && !r.html().isBlank());
        addIf(present, Part.PAYLOAD, r.payload() != null && !r.payload().isEmpty());
        return present;
    }

    private static List<Message.Button> buttons(List<MessageSpec.ButtonSpec> specs, String path,
            Set<String> ids) {
        if (specs == null) {
            return List.of();
        }
        List<Message.Button> buttons = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            MessageSpec.ButtonSpec button = specs.get(i);
            String field = path + "[" + i + "]";
            if (!ids.add(button.id())) {
                throw new InvalidField(field + ".id", "is used by another button");
            }
            MessageLinks.check(field, button.action(), button.url(), button.event());
            buttons.add(new Message.Button(button.id(), text(field + ".label", button.label(), false), button.action(),
                    button.url(), button.event()));
        }
        return List.copyOf(buttons);
    }

    private static Message.Media media(MessageSpec.MediaSpec media, String path) {
        if (media == null) {
            return null;
        }
        MessageLinks.checkImage(path + ".url", media.url());
        return new Message.Media(media.url(), text(path + ".alt", media.alt(), false));
    }

    private static Message.Theme theme(MessageSpec.ThemeSpec theme) {
        if (theme == null) {
            return null;
        }
        return new Message.Theme(colors(theme.light()), colors(theme.dark()), theme.cornerRadius(),
                theme.fontFamily());
    }

    private static Message.Theme.Colors colors(MessageSpec.ColorsSpec colors) {
        return colors == null
                ? null
                : new Message.Theme.Colors(lower(colors.background()), lower(colors.text()), lower(colors.accent()),
                        lower(colors.button()));
    }

    private static String lower(String colour) {
        return colour == null ? null : colour.toLowerCase(Locale.ROOT);
    }

    private static Message.Card card(MessageSpec.CardSpec card, String field, Instant now) {
        if (card == null) {
            return null;
        }
        if (card.expiresAt() != null && !card.expiresAt().isAfter(now)) {
            throw new InvalidField(field, "must be in the future");
        }
        return new Message.Card(Boolean.TRUE.equals(card.pinned()), card.expiresAt());
    }

    private static List<Message.Page> pages(List<MessageSpec.PageSpec> specs, String path) {
        if (specs == null || specs.isEmpty()) {
            return null;
        }
        if (specs.size() < MIN_PAGES) {
            throw new InvalidField(path, "a carousel has " + MIN_PAGES + " to 10 pages");
        }
        List<Message.Page> pages = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            MessageSpec.PageSpec page = specs.get(i);
            String field = path + "[" + i + "]";
            if (isBlank(page.title()) && isBlank(page.body()) && page.media() == null) {
                throw new InvalidField(field, "a page needs a title, a body or media");
            }
            pages.add(new Message.Page(text(field + ".title", page.title(), false),
                    text(field + ".body", page.body(), false), media(page.media(), field + ".media"),
                    buttons(page.buttons(), field + ".buttons", new HashSet<>())));
        }
        return List.copyOf(pages);
    }

    private static List<Message.Question> questions(List<MessageSpec.QuestionSpec> specs, String path) {
        if (specs == null || specs.isEmpty()) {
            return null;
        }
        Set<String> ids = new HashSet<>();
        List<Message.Question> questions = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            MessageSpec.QuestionSpec question = specs.get(i);
            String field = path + "[" + i + "]";
            if (!ids.add(question.id())) {
                throw new InvalidField(field + ".id", "is used by another question");
            }
            questions.add(new Message.Question(question.id(), question.kind(),
                    text(field + ".prompt", question.prompt(), false),
                    choices(question, field + ".choices"), Boolean.TRUE.equals(question.required())));
        }
        return List.copyOf(questions);
    }

    private static List<Message.Question.Choice> choices(MessageSpec.QuestionSpec question, String field) {
        boolean choiceKind = question.kind() == Message.Question.Kind.SINGLE_CHOICE
                || question.kind() == Message.Question.Kind.MULTIPLE_CHOICE;
        List<MessageSpec.ChoiceSpec> specs = question.choices() == null ? List.of() : question.choices();
        if (!choiceKind) {
            if (!specs.isEmpty()) {
                throw new InvalidField(field, "only choice questions have choices");
            }
            return null;
        }
        if (specs.size() < MIN_CHOICES) {
            throw new InvalidField(field, "a choice question has " + MIN_CHOICES + " to 10 choices");
        }
        Set<String> ids = new HashSet<>();
        List<Message.Question.Choice> choices = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            MessageSpec.ChoiceSpec choice = specs.get(i);
            if (!ids.add(choice.id())) {
                throw new InvalidField(field + "[" + i + "].id", "is used by another choice");
            }
            choices.add(new Message.Question.Choice(choice.id(), text(field + "[" + i + "].label", choice.label(), false)));
        }
        return List.copyOf(choices);
    }

    private static Shape shape(Set<Part> required, Part... optional) {
        Set<Part> allowed = EnumSet.copyOf(required);
        allowed.addAll(List.of(optional));
        return new Shape(required, allowed);
    }

    private static void addIf(Set<Part> parts, Part part, boolean condition) {
        if (condition) {
            parts.add(part);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static String fieldName(Part part) {
        return part.name().toLowerCase(Locale.ROOT);
    }
}
