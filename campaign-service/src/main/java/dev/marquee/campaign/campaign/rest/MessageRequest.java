package dev.marquee.campaign.campaign.rest;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.marquee.campaign.campaign.service.MessageSpec;
import dev.marquee.contracts.campaign.Message.Banner;
import dev.marquee.contracts.campaign.Message.Button;
import dev.marquee.contracts.campaign.Message.Question;
import dev.marquee.contracts.campaign.Message.Tooltip;
import dev.marquee.contracts.campaign.MessageFormat;

/** One message as authored. Which parts a format takes is checked by the service (MessageShape). */
@Schema(example = "{\"format\": \"BANNER\", \"body\": \"Free shipping today, {{ user.first_name | default: \\\"friend\\\" }}\", \"banner\": {\"position\": \"TOP\", \"autoDismissSeconds\": 20}, \"theme\": {\"light\": {\"background\": \"#ffffff\", \"text\": \"#111111\"}, \"dark\": {\"background\": \"#111111\", \"text\": \"#ffffff\"}}, \"locales\": {\"fr\": {\"body\": \"Livraison offerte aujourd'hui\"}}}")
public record MessageRequest(
        @NotNull MessageFormat format,
        @Size(max = 200) String title,
        @Size(max = 2000) String body,
        @Valid MediaRequest media,
        @Size(max = 3) List<@NotNull @Valid ButtonRequest> buttons,
        @Valid ThemeRequest theme,
        @Valid BannerRequest banner,
        @Valid CardRequest card,
        @Size(max = 10) List<@NotNull @Valid PageRequest> pages,
        @Size(max = 5) List<@NotNull @Valid QuestionRequest> questions,
        @Valid TooltipRequest tooltip,
        @Size(max = 65536) String html,
        Map<String, Object> payload,
        @Size(max = 100) Map<@NotBlank String, @NotNull @Valid TranslationRequest> locales) {

    /** The message as the service takes it: the same parts, each absent one still null. */
    MessageSpec toSpec() {
        Map<String, MessageSpec.TranslationSpec> translations = null;
        if (locales != null) {
            translations = new LinkedHashMap<>();
            for (Map.Entry<String, TranslationRequest> locale : locales.entrySet()) {
                translations.put(locale.getKey(), locale.getValue() == null ? null : locale.getValue().toSpec());
            }
        }
        return new MessageSpec(format, title, body, media == null ? null : media.toSpec(),
                CampaignRequest.each(buttons, ButtonRequest::toSpec), theme == null ? null : theme.toSpec(),
                banner == null ? null : banner.toSpec(), card == null ? null : card.toSpec(),
                CampaignRequest.each(pages, PageRequest::toSpec), CampaignRequest.each(questions, QuestionRequest::toSpec),
                tooltip == null ? null : tooltip.toSpec(), html, payload, translations);
    }

    @Schema(example = "{\"url\": \"https://cdn.example.com/hero.png\", \"alt\": \"A red sneaker on a white background\"}")
    public record MediaRequest(
            @NotBlank @Size(max = 2000) String url,
            @NotBlank(message = "is required: say what the image shows, for screen readers") @Size(max = 300) String alt) {

        MessageSpec.MediaSpec toSpec() {
            return new MessageSpec.MediaSpec(url, alt);
        }
    }

    @Schema(example = "{\"id\": \"shop\", \"label\": \"Shop now\", \"action\": \"DEEP_LINK\", \"url\": \"demoshop://sale\"}")
    public record ButtonRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CampaignRequest.ID, message = CampaignRequest.ID_MESSAGE) String id,
            @NotBlank @Size(max = 60) String label,
            @NotNull Button.Action action,
            @Size(max = 2000) String url,
            @Size(max = 200) @Pattern(regexp = CampaignRequest.EVENT_NAME, message = "letters, digits and _ . : - only") String event) {

        MessageSpec.ButtonSpec toSpec() {
            return new MessageSpec.ButtonSpec(id, label, action, url, event);
        }
    }

    @Schema(example = "{\"light\": {\"background\": \"#ffffff\", \"text\": \"#111111\", \"accent\": \"#e4002b\", \"button\": \"#e4002b\"}, \"dark\": {\"background\": \"#111111\", \"text\": \"#f5f5f5\", \"accent\": \"#ff4d6d\", \"button\": \"#ff4d6d\"}, \"cornerRadius\": 12, \"fontFamily\": \"Inter, sans-serif\"}")
    public record ThemeRequest(
            @Valid ColorsRequest light,
            @Valid ColorsRequest dark,
            @Min(0) @Max(48) Integer cornerRadius,
            @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9 ,'-]+", message = "must be a font family list such as 'Inter', sans-serif") String fontFamily) {

        MessageSpec.ThemeSpec toSpec() {
            return new MessageSpec.ThemeSpec(light == null ? null : light.toSpec(), dark == null ? null : dark.toSpec(),
                    cornerRadius, fontFamily);
        }
    }

    @Schema(example = "{\"background\": \"#ffffff\", \"text\": \"#111111\", \"accent\": \"#e4002b\", \"button\": \"#e4002b\"}")
    public record ColorsRequest(
            @Pattern(regexp = COLOR, message = COLOR_MESSAGE) String background,
            @Pattern(regexp = COLOR, message = COLOR_MESSAGE) String text,
            @Pattern(regexp = COLOR, message = COLOR_MESSAGE) String accent,
            @Pattern(regexp = COLOR, message = COLOR_MESSAGE) String button) {

        MessageSpec.ColorsSpec toSpec() {
            return new MessageSpec.ColorsSpec(background, text, accent, button);
        }

        static final String COLOR = "#[0-9a-fA-F]{6}([0-9a-fA-F]{2})?";
        static final String COLOR_MESSAGE = "must be a colour #rrggbb or #rrggbbaa";
    }

    @Schema(example = "{\"position\": \"BOTTOM\", \"autoDismissSeconds\": 20}")
    public record BannerRequest(
            @NotNull Banner.Position position,
            @Min(1) @Max(120) Integer autoDismissSeconds) {

        MessageSpec.BannerSpec toSpec() {
            return new MessageSpec.BannerSpec(position, autoDismissSeconds);
        }
    }

    @Schema(example = "{\"pinned\": true, \"expiresAt\": \"2026-12-31T23:59:59Z\"}")
    public record CardRequest(Boolean pinned, Instant expiresAt) {

        MessageSpec.CardSpec toSpec() {
            return new MessageSpec.CardSpec(pinned, expiresAt);
        }
    }

    @Schema(example = "{\"title\": \"Step 1\", \"body\": \"Pick a size\", \"media\": {\"url\": \"https://cdn.example.com/1.png\", \"alt\": \"Size chart\"}}")
    public record PageRequest(
            @Size(max = 200) String title,
            @Size(max = 2000) String body,
            @Valid MediaRequest media,
            @Size(max = 3) List<@NotNull @Valid ButtonRequest> buttons) {

        MessageSpec.PageSpec toSpec() {
            return new MessageSpec.PageSpec(title, body, media == null ? null : media.toSpec(),
                    CampaignRequest.each(buttons, ButtonRequest::toSpec));
        }
    }

    @Schema(example = "{\"id\": \"why\", \"kind\": \"SINGLE_CHOICE\", \"prompt\": \"What made you buy?\", \"choices\": [{\"id\": \"price\", \"label\": \"Price\"}, {\"id\": \"speed\", \"label\": \"Delivery speed\"}], \"required\": true}")
    public record QuestionRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CampaignRequest.ID, message = CampaignRequest.ID_MESSAGE) String id,
            @NotNull Question.Kind kind,
            @NotBlank @Size(max = 500) String prompt,
            @Size(max = 10) List<@NotNull @Valid ChoiceRequest> choices,
            Boolean required) {

        MessageSpec.QuestionSpec toSpec() {
            return new MessageSpec.QuestionSpec(id, kind, prompt, CampaignRequest.each(choices, ChoiceRequest::toSpec),
                    required);
        }
    }

    @Schema(example = "{\"id\": \"price\", \"label\": \"Price\"}")
    public record ChoiceRequest(
            @NotBlank @Size(max = 40) @Pattern(regexp = CampaignRequest.ID, message = CampaignRequest.ID_MESSAGE) String id,
            @NotBlank @Size(max = 200) String label) {

        MessageSpec.ChoiceSpec toSpec() {
            return new MessageSpec.ChoiceSpec(id, label);
        }
    }

    @Schema(example = "{\"anchor\": \"size-filter\", \"placement\": \"RIGHT\"}")
    public record TooltipRequest(
            @NotBlank @Size(max = 200) @Pattern(regexp = "[A-Za-z0-9_.:-]+", message = "letters, digits and _ . : - only") String anchor,
            Tooltip.Placement placement) {

        MessageSpec.TooltipSpec toSpec() {
            return new MessageSpec.TooltipSpec(anchor, placement);
        }
    }

    /** The texts in one locale (key: a BCP 47 tag such as {@code fr} or {@code fr-CA}); missing ones fall back. */
    @Schema(example = "{\"title\": \"Bienvenue\", \"body\": \"Suivez le guide\", \"buttonLabels\": {\"tour\": \"C'est parti\"}}")
    public record TranslationRequest(
            @Size(max = 200) String title,
            @Size(max = 2000) String body,
            @Size(max = 300) String alt,
            Map<@NotBlank String, @NotBlank @Size(max = 60) String> buttonLabels,
            @Size(max = 10) List<@NotNull @Valid PageTextRequest> pages,
            @Size(max = 5) List<@NotNull @Valid QuestionTextRequest> questions) {

        MessageSpec.TranslationSpec toSpec() {
            return new MessageSpec.TranslationSpec(title, body, alt, buttonLabels,
                    CampaignRequest.each(pages, PageTextRequest::toSpec),
                    CampaignRequest.each(questions, QuestionTextRequest::toSpec));
        }
    }

    @Schema(example = "{\"title\": \"Étape 1\"}")
    public record PageTextRequest(
            @Size(max = 200) String title,
            @Size(max = 2000) String body,
            @Size(max = 300) String alt,
            Map<@NotBlank String, @NotBlank @Size(max = 60) String> buttonLabels) {

        MessageSpec.PageTextSpec toSpec() {
            return new MessageSpec.PageTextSpec(title, body, alt, buttonLabels);
        }
    }

    @Schema(example = "{\"prompt\": \"Pourquoi ?\", \"choiceLabels\": {\"price\": \"Le prix\"}}")
    public record QuestionTextRequest(
            @Size(max = 500) String prompt,
            Map<@NotBlank String, @NotBlank @Size(max = 200) String> choiceLabels) {

        MessageSpec.QuestionTextSpec toSpec() {
            return new MessageSpec.QuestionTextSpec(prompt, choiceLabels);
        }
    }
}
