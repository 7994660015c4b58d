package dev.marquee.campaign.campaign.service;

import java.util.List;

import dev.marquee.campaign.error.InvalidField;
import dev.marquee.contracts.campaign.Message.Button.Action;
import dev.marquee.contracts.safety.LinkPolicy;

/** Field-level errors of the shared {@link LinkPolicy}, with the paths of this API. */
final class MessageLinks {

    private MessageLinks() {
    }

    /** A button's target; {@code field} is the button's path, errors name its {@code url} or {@code event}. */
    static void check(String field, Action action, String url, String event) {
        if (action != Action.LOG_EVENT && event != null) {
            throw new InvalidField(field + ".event", "only a LOG_EVENT button records an event");
        }
        if (action == Action.LOG_EVENT && (event == null || event.isBlank())) {
            throw new InvalidField(field + ".event", "is required for a LOG_EVENT button");
        }
        if (action == Action.DEEP_LINK) {
            // which schemes are the app's own is in its settings: CampaignService applies MessageRules with them
            if (url == null || url.isBlank()) {
                throw new InvalidField(field + ".url", "is required for this action");
            }
            return;
        }
        LinkPolicy.buttonProblem(action, url, List.of()).ifPresent(problem -> {
            throw new InvalidField(field + ".url", problem);
        });
    }

    /** Images load over https only. */
    static void checkImage(String field, String url) {
        LinkPolicy.httpsProblem(url).ifPresent(problem -> {
            throw new InvalidField(field, problem);
        });
    }
}
