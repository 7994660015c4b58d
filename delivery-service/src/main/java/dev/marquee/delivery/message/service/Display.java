package dev.marquee.delivery.message.service;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.marquee.contracts.campaign.Message;
import dev.marquee.contracts.campaign.Trigger;
import dev.marquee.contracts.template.MessageRenderer;
import dev.marquee.delivery.decision.service.Decision;

/**
 * The message a decision shows: the user's variant, localized and personalized; the SDK shows it after
 * {@code delaySeconds} (the trigger's delay).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Display(String campaignId, long version, String variant, String locale, Trigger trigger,
        int delaySeconds, Message message) {

    public static Display of(Decision.Winner winner, String locale, Map<String, ?> profile) {
        var variant = winner.variant().orElseThrow();
        MessageRenderer.Rendered rendered = MessageRenderer.render(variant.message(), locale, profile);
        Trigger trigger = winner.trigger();
        return new Display(winner.campaign().id(), winner.campaign().version(), variant.id(), rendered.locale(),
                trigger, trigger == null ? 0 : trigger.delaySeconds(), rendered.message());
    }
}
