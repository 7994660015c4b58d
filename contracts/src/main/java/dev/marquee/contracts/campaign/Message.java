package dev.marquee.contracts.campaign;

import java.util.List;
import java.util.Map;

/**
 * What a campaign shows. {@code title}, {@code body} and the button labels are the default content; {@code locales}
 * holds translations by BCP 47 tag ({@code fr}, {@code fr-CA}), chosen with the fallback chain fr-CA → fr → default.
 */
public record Message(MessageFormat format, String title, String body, List<Button> buttons,
        Map<String, Translation> locales) {

    /** The text of a message in one locale; {@code buttonLabels} is keyed by button id, missing ones fall back. */
    public record Translation(String title, String body, Map<String, String> buttonLabels) {
    }
}
