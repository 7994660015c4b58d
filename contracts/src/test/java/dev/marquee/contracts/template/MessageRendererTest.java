package dev.marquee.contracts.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.Message.Button;
import dev.marquee.contracts.campaign.Message.Translation;
import dev.marquee.contracts.campaign.MessageFormat;

class MessageRendererTest {

    private static final Message MESSAGE = new Message(MessageFormat.MODAL, "Hello {{ user.first_name | default: 'you' }}",
            "Welcome", new Message.Media("https://cdn.example.com/a.png", "A shoe"),
            List.of(new Button("ok", "OK", Button.Action.DISMISS, null, null),
                    new Button("more", "More", Button.Action.URL, "https://example.com", null)),
            null, null, null, null, null, null, null, null,
            Map.of("fr", new Translation("Bonjour {{ user.first_name }}", "Bienvenue", "Une chaussure",
                    Map.of("ok", "D'accord"), null, null),
                    "fr-CA", new Translation("Allô", null, null, Map.of(), null, null)));

    @Test
    void anExactTagWins() {
        assertEquals("Allô", MessageRenderer.render(MESSAGE, "fr-CA", Map.of()).message().title());
    }

    @Test
    void aRegionFallsBackToItsLanguageAndMissingTextsToTheDefault() {
        MessageRenderer.Rendered rendered = MessageRenderer.render(MESSAGE, "fr-BE", Map.of("first_name", "Ada"));
        assertEquals("fr", rendered.locale());
        assertEquals("Bonjour Ada", rendered.message().title());
        assertEquals("Une chaussure", rendered.message().media().alt());
    }

    @Test
    void eachTextFallsBackAlongTheChainBeforeTheDefault() {
        MessageRenderer.Rendered rendered = MessageRenderer.render(MESSAGE, "fr-CA", Map.of());
        assertEquals("fr-CA", rendered.locale());
        assertEquals("Allô", rendered.message().title());
        assertEquals("Bienvenue", rendered.message().body(), "fr-CA has no body: the French one, not the English");
        assertEquals("Une chaussure", rendered.message().media().alt());
        assertEquals(List.of("D'accord", "More"), rendered.message().buttons().stream().map(Button::label).toList());
    }

    @Test
    void pagesAndChoicesFallBackAlongTheChainTooPerText() {
        Message survey = new Message(MessageFormat.SURVEY, "Survey", null, null, null, null, null, null,
                List.of(new Message.Page("One", "First", null, List.of())),
                List.of(new Message.Question("q", Message.Question.Kind.SINGLE_CHOICE, "Why?",
                        List.of(new Message.Question.Choice("a", "Price"), new Message.Question.Choice("b", "Speed")),
                        true)),
                null, null, null,
                Map.of("fr", new Translation(null, null, null, null,
                        List.of(new Translation.PageText("Un", "Premier", null, null)),
                        List.of(new Translation.QuestionText("Pourquoi ?", Map.of("a", "Prix", "b", "Vitesse")))),
                        "fr-CA", new Translation(null, null, null, null,
                                List.of(new Translation.PageText("Une", null, null, null)),
                                List.of(new Translation.QuestionText(null, Map.of("a", "Coût"))))));
        Message rendered = MessageRenderer.render(survey, "fr-CA", Map.of()).message();
        assertEquals("Une", rendered.pages().get(0).title());
        assertEquals("Premier", rendered.pages().get(0).body());
        assertEquals("Pourquoi ?", rendered.questions().get(0).prompt());
        assertEquals(List.of("Coût", "Vitesse"),
                rendered.questions().get(0).choices().stream().map(Message.Question.Choice::label).toList());
    }

    @Test
    void anUnknownOrMissingLocaleGetsTheDefaultPersonalized() {
        assertEquals("default", MessageRenderer.render(MESSAGE, "de-DE", Map.of()).locale());
        assertEquals("Hello you", MessageRenderer.render(MESSAGE, null, Map.of()).message().title());
        assertEquals("Hello Ada", MessageRenderer.render(MESSAGE, "", Map.of("first_name", "Ada")).message().title());
    }

    @Test
    void androidStyleTagsAreUnderstood() {
        assertEquals("Allô", MessageRenderer.render(MESSAGE, "fr_CA", Map.of()).message().title());
    }

    @Test
    void buttonLabelsAreTranslatedAndMissingOnesFallBack() {
        MessageRenderer.Rendered rendered = MessageRenderer.render(MESSAGE, "fr", Map.of());
        List<Button> buttons = rendered.message().buttons();
        assertEquals("D'accord", buttons.get(0).label());
        assertEquals("More", buttons.get(1).label());
        assertEquals("https://example.com", buttons.get(1).url());
        assertNull(rendered.message().locales(), "the SDK gets one locale, not all of them");
    }

    @Test
    void carouselPagesAndSurveyChoicesAreTranslatedByPosition() {
        Message carousel = new Message(MessageFormat.CAROUSEL, null, null, null, null, null, null, null,
                List.of(new Message.Page("One", null, null, List.of()), new Message.Page("Two", null, null, List.of())),
                null, null, null, null,
                Map.of("fr", new Translation(null, null, null, null,
                        List.of(new Translation.PageText("Un", null, null, null)), null)));
        List<Message.Page> pages = MessageRenderer.render(carousel, "fr", Map.of()).message().pages();
        assertEquals(List.of("Un", "Two"), pages.stream().map(Message.Page::title).toList());

        Message survey = new Message(MessageFormat.SURVEY, "Survey", null, null, null, null, null, null, null,
                List.of(new Message.Question("q", Message.Question.Kind.SINGLE_CHOICE, "Why?",
                        List.of(new Message.Question.Choice("a", "Price"), new Message.Question.Choice("b", "Speed")),
                        true)),
                null, null, null,
                Map.of("fr", new Translation(null, null, null, null, null,
                        List.of(new Translation.QuestionText("Pourquoi ?", Map.of("a", "Prix"))))));
        Message.Question question = MessageRenderer.render(survey, "fr", Map.of()).message().questions().get(0);
        assertEquals("Pourquoi ?", question.prompt());
        assertEquals(List.of("Prix", "Speed"), question.choices().stream().map(Message.Question.Choice::label).toList());
    }

    @Test
    void htmlGetsEscapedValues() {
        Message html = new Message(MessageFormat.HTML, null, null, null, null, null, null, null, null, null, null,
                "<p>{{ user.first_name }}</p>", null, null);
        assertEquals("<p>&lt;b&gt;</p>",
                MessageRenderer.render(html, null, Map.of("first_name", "<b>")).message().html());
    }

    @Test
    void anHtmlMessagesTitleIsTextSoItsValuesAreNotEscaped() {
        Message html = new Message(MessageFormat.HTML, "Hi {{ user.first_name }}", null, null, null, null, null, null,
                null, null, null, "<p>{{ user.first_name }}</p>", null, null);
        Message rendered = MessageRenderer.render(html, null, Map.of("first_name", "A&B")).message();
        assertEquals("Hi A&B", rendered.title(), "the SDK shows the title as text: A&amp;B would show as such");
        assertEquals("<p>A&amp;B</p>", rendered.html());
    }
}
