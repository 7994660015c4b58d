package dev.marquee.campaign.campaign.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import dev.marquee.contracts.campaign.Message.Banner;
import dev.marquee.contracts.campaign.Message.Button;
import dev.marquee.contracts.campaign.Message.Question;
import dev.marquee.contracts.campaign.Message.Tooltip;
import dev.marquee.contracts.campaign.MessageFormat;

/** One message as authored, before {@link MessageShape} checks which parts its format takes. */
public record MessageSpec(
        MessageFormat format,
        String title,
        String body,
        MediaSpec media,
        List<ButtonSpec> buttons,
        ThemeSpec theme,
        BannerSpec banner,
        CardSpec card,
        List<PageSpec> pages,
        List<QuestionSpec> questions,
        TooltipSpec tooltip,
        String html,
        Map<String, Object> payload,
        Map<String, TranslationSpec> locales) {

    public record MediaSpec(String url, String alt) {
    }

    public record ButtonSpec(String id, String label, Button.Action action, String url, String event) {
    }

    public record ThemeSpec(ColorsSpec light, ColorsSpec dark, Integer cornerRadius, String fontFamily) {
    }

    public record ColorsSpec(String background, String text, String accent, String button) {
    }

    public record BannerSpec(Banner.Position position, Integer autoDismissSeconds) {
    }

    public record CardSpec(Boolean pinned, Instant expiresAt) {
    }

    public record PageSpec(String title, String body, MediaSpec media, List<ButtonSpec> buttons) {
    }

    public record QuestionSpec(String id, Question.Kind kind, String prompt, List<ChoiceSpec> choices, Boolean required) {
    }

    public record ChoiceSpec(String id, String label) {
    }

    public record TooltipSpec(String anchor, Tooltip.Placement placement) {
    }

    /** The texts in one locale; missing ones fall back along the locale chain. */
    public record TranslationSpec(String title, String body, String alt, Map<String, String> buttonLabels,
            List<PageTextSpec> pages, List<QuestionTextSpec> questions) {
    }

    public record PageTextSpec(String title, String body, String alt, Map<String, String> buttonLabels) {
    }

    public record QuestionTextSpec(String prompt, Map<String, String> choiceLabels) {
    }
}
