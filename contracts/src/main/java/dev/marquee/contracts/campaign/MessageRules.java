package dev.marquee.contracts.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.marquee.contracts.app.WorkspaceSettings;
import dev.marquee.contracts.safety.LinkPolicy;

/**
 * The limits a message must keep whatever sends it: the format the app allows (HTML only with settings
 * {@code htmlMessages}), the sizes of the campaign model (title 200, body 2,000, html 65,536, 3 buttons, 10 pages, 5
 * questions, 100 locales) and the {@link LinkPolicy} with the app's own schemes. delivery-service applies it to
 * inline sends; campaign-service's request model keeps the same numbers (its annotations name these constants).
 */
public final class MessageRules {

    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 2000;
    public static final int MAX_HTML = 65536;
    public static final int MAX_BUTTONS = 3;
    public static final int MAX_PAGES = 10;
    public static final int MAX_QUESTIONS = 5;
    public static final int MAX_LOCALES = 100;
    public static final int MAX_URL = 2000;
    public static final int MAX_LABEL = 60;
    public static final int MAX_ALT = 300;

    /** One field at fault, by its path under {@code prefix}. */
    public record Problem(String field, String message) {
    }

    private MessageRules() {
    }

    /** What is wrong with {@code message} for an app with {@code settings}; empty when it may be sent. */
    public static List<Problem> problems(Message message, WorkspaceSettings settings, String prefix) {
        List<Problem> problems = new ArrayList<>();
        if (message.format() == null) {
            problems.add(new Problem(prefix + ".format", "is required"));
        } else if (message.format() == MessageFormat.HTML && !settings.htmlMessages()) {
            problems.add(new Problem(prefix + ".format",
                    "HTML messages are off for this app; an admin turns them on with htmlMessages in its settings"));
        }
        text(prefix + ".title", message.title(), MAX_TITLE, problems);
        text(prefix + ".body", message.body(), MAX_BODY, problems);
        text(prefix + ".html", message.html(), MAX_HTML, problems);
        buttons(message.buttons(), prefix + ".buttons", settings, problems);
        media(message.media(), prefix + ".media", problems);
        List<Message.Page> pages = message.pages();
        if (pages != null) {
            count(prefix + ".pages", pages.size(), MAX_PAGES, problems);
            for (int i = 0; i < pages.size(); i++) {
                Message.Page page = pages.get(i);
                String field = prefix + ".pages[" + i + "]";
                if (page == null) {
                    problems.add(new Problem(field, "is required"));
                    continue;
                }
                text(field + ".title", page.title(), MAX_TITLE, problems);
                text(field + ".body", page.body(), MAX_BODY, problems);
                buttons(page.buttons(), field + ".buttons", settings, problems);
                media(page.media(), field + ".media", problems);
            }
        }
        if (message.questions() != null) {
            count(prefix + ".questions", message.questions().size(), MAX_QUESTIONS, problems);
        }
        Map<String, Message.Translation> locales = message.locales();
        if (locales != null) {
            count(prefix + ".locales", locales.size(), MAX_LOCALES, problems);
            locales.forEach((tag, t) -> {
                if (t != null) {
                    text(prefix + ".locales." + tag + ".title", t.title(), MAX_TITLE, problems);
                    text(prefix + ".locales." + tag + ".body", t.body(), MAX_BODY, problems);
                }
            });
        }
        return problems;
    }

    private static void buttons(List<Message.Button> buttons, String path, WorkspaceSettings settings,
            List<Problem> problems) {
        if (buttons == null) {
            return;
        }
        count(path, buttons.size(), MAX_BUTTONS, problems);
        for (int i = 0; i < buttons.size(); i++) {
            Message.Button button = buttons.get(i);
            String field = path + "[" + i + "]";
            if (button == null || button.action() == null) {
                problems.add(new Problem(field + ".action", "is required"));
                continue;
            }
            text(field + ".label", button.label(), MAX_LABEL, problems);
            text(field + ".url", button.url(), MAX_URL, problems);
            LinkPolicy.buttonProblem(button.action(), button.url(), settings.linkSchemes())
                    .ifPresent(problem -> problems.add(new Problem(field + ".url", problem)));
        }
    }

    private static void media(Message.Media media, String path, List<Problem> problems) {
        if (media != null) {
            text(path + ".url", media.url(), MAX_URL, problems);
            text(path + ".alt", media.alt(), MAX_ALT, problems);
            LinkPolicy.httpsProblem(media.url()).ifPresent(problem -> problems.add(new Problem(path + ".url", problem)));
        }
    }

    private static void text(String field, String value, int max, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(new Problem(field, "must be at most " + max + " characters"));
        }
    }

    private static void count(String field, int size, int max, List<Problem> problems) {
        if (size > max) {
            problems.add(new Problem(field, "must have at most " + max + " entries"));
        }
    }
}
