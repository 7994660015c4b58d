package dev.marquee.contracts.campaign;

import java.util.List;

public record Message(MessageFormat format, String title, String body, List<Button> buttons) {
}
