package dev.marquee.contracts.template;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A personalization template such as <code>Hi {{ user.first_name | default: "there" | capitalize }}</code>: literal
 * text and placeholders over an allowlist of profile attributes and filters. Nothing else exists in the language —
 * no tags (<code>{% … %}</code>), includes, raw output, loops or method calls — so a marketer-authored text can only
 * ever print attribute values. It is shared by campaign-service (checked at save, preview) and delivery-service
 * (rendering), which is why this one piece of logic lives in contracts: both must accept exactly the same language.
 */
public final class Template {

    /** Attributes every profile may have; anything else must be a custom attribute, {@code user.custom.<name>}. */
    public static final Set<String> PROFILE_ATTRIBUTES = Set.of("id", "first_name", "last_name", "email", "country",
            "city", "language", "tier", "signup_date", "last_seen");

    /** Filters with the number of arguments they take. */
    public static final Map<String, Integer> FILTERS = Map.of("default", 1, "upper", 0, "lower", 0, "capitalize", 0,
            "date", 1);

    /** The formats the {@code date} filter accepts. */
    public static final Set<String> DATE_FORMATS = Set.of("short", "medium", "long", "iso");

    private static final Pattern CUSTOM = Pattern.compile("custom\\.[a-z][a-z0-9_]{0,63}");
    private static final Pattern ATTRIBUTE = Pattern.compile("user\\.([a-z][a-z0-9_.]*)");
    private static final Pattern FILTER = Pattern
            .compile("\\s*([a-z_]+)\\s*(?::\\s*(\"([^\"\\\\]*)\"|'([^'\\\\]*)'))?\\s*");
    private static final int MAX_PLACEHOLDERS = 50;

    private final List<Part> parts;

    private Template(List<Part> parts) {
        this.parts = parts;
    }

    /** Parses and checks a template; throws {@link TemplateException} for anything outside the language. */
    public static Template parse(String text) {
        List<Part> parts = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int tag = text.indexOf("{%", at);
            int open = text.indexOf("{{", at);
            if (tag >= 0 && (open < 0 || tag < open)) {
                throw new TemplateException(
                        "column " + (tag + 1) + ": tags ({% … %}) are not allowed, only {{ placeholders }}");
            }
            if (open < 0) {
                literal(parts, text.substring(at));
                break;
            }
            literal(parts, text.substring(at, open));
            if (text.startsWith("{{{", open)) {
                throw new TemplateException("column " + (open + 1) + ": raw output ({{{ … }}}) is not allowed");
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new TemplateException("column " + (open + 1) + ": {{ is never closed with }}");
            }
            parts.add(placeholder(text.substring(open + 2, close), open + 1));
            if (parts.size() > MAX_PLACEHOLDERS * 2) {
                throw new TemplateException("more than " + MAX_PLACEHOLDERS + " placeholders");
            }
            at = close + 2;
        }
        return new Template(List.copyOf(parts));
    }

    /** Whether the text has any placeholder at all (most texts have none). */
    public static boolean hasPlaceholders(String text) {
        return text != null && (text.contains("{{") || text.contains("{%"));
    }

    /** The attributes this template reads, as {@code first_name} or {@code custom.plan}. */
    public List<String> attributes() {
        return parts.stream().filter(Placeholder.class::isInstance).map(p -> ((Placeholder) p).attribute()).toList();
    }

    /**
     * Renders the template. A missing attribute prints the {@code default} filter's value, or nothing.
     *
     * @param profile attributes by name ({@code first_name}, {@code custom.plan}); values print as text
     * @param htmlEscaped escapes the printed values for HTML (the HTML format); literal text is left as written
     */
    public String render(Map<String, ?> profile, Locale locale, boolean htmlEscaped) {
        StringBuilder out = new StringBuilder();
        for (Part part : parts) {
            if (part instanceof Literal literal) {
                out.append(literal.text());
            } else {
                String value = ((Placeholder) part).evaluate(profile, locale);
                out.append(htmlEscaped ? escapeHtml(value) : value);
            }
        }
        return out.toString();
    }

    private static void literal(List<Part> parts, String text) {
        if (text.contains("}}")) {
            throw new TemplateException("}} without an opening {{");
        }
        if (!text.isEmpty()) {
            parts.add(new Literal(text));
        }
    }

    private static Placeholder placeholder(String expression, int column) {
        String[] pieces = expression.split("\\|", -1);
        String name = pieces[0].strip();
        Matcher attribute = ATTRIBUTE.matcher(name);
        if (!attribute.matches()) {
            throw new TemplateException("column " + column + ": '" + name + "' is not a profile attribute (user.<name>)");
        }
        String key = attribute.group(1);
        if (!PROFILE_ATTRIBUTES.contains(key) && !CUSTOM.matcher(key).matches()) {
            throw new TemplateException("column " + column + ": unknown attribute user." + key + "; allowed: "
                    + String.join(", ", PROFILE_ATTRIBUTES.stream().sorted().toList()) + " and user.custom.<name>");
        }
        List<Filter> filters = new ArrayList<>();
        for (int i = 1; i < pieces.length; i++) {
            Matcher filter = FILTER.matcher(pieces[i]);
            if (!filter.matches()) {
                throw new TemplateException("column " + column + ": '" + pieces[i].strip() + "' is not a filter");
            }
            String filterName = filter.group(1);
            Integer arity = FILTERS.get(filterName);
            if (arity == null) {
                throw new TemplateException("column " + column + ": unknown filter " + filterName + "; allowed: "
                        + String.join(", ", FILTERS.keySet().stream().sorted().toList()));
            }
            String argument = filter.group(3) != null ? filter.group(3) : filter.group(4);
            if (arity == 1 && argument == null) {
                throw new TemplateException("column " + column + ": filter " + filterName + " needs a quoted argument");
            }
            if (arity == 0 && argument != null) {
                throw new TemplateException("column " + column + ": filter " + filterName + " takes no argument");
            }
            if (filterName.equals("date") && !DATE_FORMATS.contains(argument)) {
                throw new TemplateException("column " + column + ": date format must be one of "
                        + String.join(", ", DATE_FORMATS.stream().sorted().toList()));
            }
            filters.add(new Filter(filterName, argument));
        }
        return new Placeholder(key, List.copyOf(filters));
    }

    private static String escapeHtml(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (char c : value.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private sealed interface Part permits Literal, Placeholder {
    }

    private record Literal(String text) implements Part {
    }

    private record Filter(String name, String argument) {
    }

    private record Placeholder(String attribute, List<Filter> filters) implements Part {

        String evaluate(Map<String, ?> profile, Locale locale) {
            Object raw = profile == null ? null : profile.get(attribute);
            String value = raw == null ? "" : raw.toString();
            for (Filter filter : filters) {
                value = switch (filter.name()) {
                    case "default" -> value.isBlank() ? filter.argument() : value;
                    case "upper" -> value.toUpperCase(locale);
                    case "lower" -> value.toLowerCase(locale);
                    case "capitalize" -> value.isEmpty()
                            ? value
                            : value.substring(0, 1).toUpperCase(locale) + value.substring(1);
                    case "date" -> date(value, filter.argument(), locale);
                    default -> throw new IllegalStateException("filter checked at parse: " + filter.name());
                };
            }
            return value;
        }

        /** Formats an ISO instant or date; anything else is printed as it is rather than failing the message. */
        private static String date(String value, String format, Locale locale) {
            if (value.isBlank()) {
                return value;
            }
            LocalDate date;
            try {
                date = value.length() == 10
                        ? LocalDate.parse(value)
                        : OffsetDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC).toLocalDate();
            } catch (DateTimeParseException e) {
                return value;
            }
            return switch (format) {
                case "iso" -> date.toString();
                case "short" -> date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(locale));
                case "long" -> date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale));
                default -> date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale));
            };
        }
    }
}
