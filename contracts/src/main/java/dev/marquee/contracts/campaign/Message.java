package dev.marquee.contracts.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What one variant of a campaign shows. Which parts are set depends on {@link #format()}; every format also gets a
 * close control that the SDK always draws (there is deliberately no field to remove it).
 *
 * <p>
 * Texts may hold personalization placeholders such as <code>{{ user.first_name | default: "there" }}</code>;
 * {@code locales} holds translations by BCP 47 tag ({@code fr}, {@code fr-CA}), chosen with the fallback chain
 * fr-CA → fr → default.
 *
 * @param banner set for {@link MessageFormat#BANNER} only
 * @param card set for {@link MessageFormat#CARD} only
 * @param pages set for {@link MessageFormat#CAROUSEL} only
 * @param questions set for {@link MessageFormat#SURVEY} only
 * @param tooltip set for {@link MessageFormat#TOOLTIP} only
 * @param html set for {@link MessageFormat#HTML} only
 * @param payload set for {@link MessageFormat#CUSTOM_JSON} only: any JSON object, handed to the app as it is
 */
@Schema(example = "{\"format\": \"MODAL\", \"title\": \"Hi {{ user.first_name | default: \\\"there\\\" }}\", \"body\": \"Take the tour\", \"media\": {\"url\": \"https://cdn.example.com/hero.png\", \"alt\": \"The app on a phone\"}, \"buttons\": [{\"id\": \"tour\", \"label\": \"Start\", \"action\": \"DEEP_LINK\", \"url\": \"demoshop://tour\"}], \"locales\": {\"fr\": {\"title\": \"Bienvenue\", \"buttonLabels\": {\"tour\": \"C'est parti\"}}}}")
public record Message(
        MessageFormat format,
        String title,
        String body,
        Media media,
        List<Button> buttons,
        Theme theme,
        Banner banner,
        Card card,
        List<Page> pages,
        List<Question> questions,
        Tooltip tooltip,
        String html,
        Map<String, Object> payload,
        Map<String, Translation> locales) {

    /** An image; {@code alt} is mandatory so that screen readers can say what it shows. */
    @Schema(example = "{\"url\": \"https://cdn.example.com/hero.png\", \"alt\": \"A red sneaker\"}")
    public record Media(String url, String alt) {
    }

    /**
     * A button. {@code url} is set for {@link Action#DEEP_LINK} and {@link Action#URL}, {@code event} for
     * {@link Action#LOG_EVENT} (the custom event the click records, e.g. to trigger a follow-up).
     */
    @Schema(example = "{\"id\": \"remind\", \"label\": \"Remind me\", \"action\": \"LOG_EVENT\", \"event\": \"remind_me\"}")
    public record Button(String id, String label, Action action, String url, String event) {

        public enum Action {
            DISMISS, DEEP_LINK, URL, LOG_EVENT
        }
    }

    /**
     * Colours and shape matching the app; the SDK follows the device's light or dark mode.
     *
     * @param cornerRadius in dp/px
     */
    @Schema(example = "{\"light\": {\"background\": \"#ffffff\", \"text\": \"#111111\", \"accent\": \"#e4002b\", \"button\": \"#e4002b\"}, \"dark\": {\"background\": \"#111111\", \"text\": \"#f5f5f5\", \"accent\": \"#ff4d6d\", \"button\": \"#ff4d6d\"}, \"cornerRadius\": 12, \"fontFamily\": \"Inter, sans-serif\"}")
    public record Theme(Colors light, Colors dark, Integer cornerRadius, String fontFamily) {

        /** {@code #rrggbb} or {@code #rrggbbaa} colours. */
        @Schema(example = "{\"background\": \"#ffffff\", \"text\": \"#111111\", \"accent\": \"#e4002b\", \"button\": \"#e4002b\"}")
        public record Colors(String background, String text, String accent, String button) {
        }
    }

    /** @param autoDismissSeconds null keeps the banner until the user closes it */
    @Schema(example = "{\"position\": \"TOP\", \"autoDismissSeconds\": 20}")
    public record Banner(Position position, Integer autoDismissSeconds) {

        public enum Position {
            TOP, BOTTOM
        }
    }

    /** @param expiresAt the card leaves the inbox then (null: when the campaign ends) */
    @Schema(example = "{\"pinned\": true, \"expiresAt\": \"2026-12-31T23:59:59Z\"}")
    public record Card(boolean pinned, Instant expiresAt) {
    }

    /** One page of a carousel. */
    @Schema(example = "{\"title\": \"Step 1\", \"body\": \"Pick a size\", \"buttons\": []}")
    public record Page(String title, String body, Media media, List<Button> buttons) {
    }

    /**
     * One survey question. {@code choices} are set for the choice kinds only; an NPS question is a 0–10 scale.
     */
    @Schema(example = "{\"id\": \"nps\", \"kind\": \"NPS\", \"prompt\": \"How likely are you to recommend us?\", \"required\": true}")
    public record Question(String id, Kind kind, String prompt, List<Choice> choices, boolean required) {

        public enum Kind {
            NPS, SINGLE_CHOICE, MULTIPLE_CHOICE, FREE_TEXT
        }

        @Schema(example = "{\"id\": \"price\", \"label\": \"Price\"}")
        public record Choice(String id, String label) {
        }
    }

    /** @param anchor the element key the app gives the element (web: {@code data-marquee-anchor}) */
    @Schema(example = "{\"anchor\": \"size-filter\", \"placement\": \"RIGHT\"}")
    public record Tooltip(String anchor, Placement placement) {

        public enum Placement {
            TOP, BOTTOM, LEFT, RIGHT
        }
    }

    /**
     * The texts of a message in one locale; what is missing falls back to the default. {@code buttonLabels} and
     * {@code choiceLabels} are keyed by id; {@code pages} and {@code questions} follow the message's order.
     */
    @Schema(example = "{\"title\": \"Bienvenue\", \"body\": \"Suivez le guide\", \"buttonLabels\": {\"tour\": \"C'est parti\"}}")
    public record Translation(String title, String body, String alt, Map<String, String> buttonLabels,
            List<PageText> pages, List<QuestionText> questions) {

        @Schema(example = "{\"title\": \"Étape 1\"}")
        public record PageText(String title, String body, String alt, Map<String, String> buttonLabels) {
        }

        @Schema(example = "{\"prompt\": \"Pourquoi ?\", \"choiceLabels\": {\"price\": \"Le prix\"}}")
        public record QuestionText(String prompt, Map<String, String> choiceLabels) {
        }
    }
}
