package dev.marquee.contracts.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

class TemplateTest {

    @Test
    void printsAttributesThroughFilters() {
        Template template = Template.parse("Hi {{ user.first_name | default: \"there\" | capitalize }}, {{user.tier|upper}}!");

        assertEquals("Hi Ada, GOLD!", template.render(Map.of("first_name", "ada", "tier", "gold"), Locale.ENGLISH, false));
        assertEquals(List.of("first_name", "tier"), template.attributes());
    }

    @Test
    void aMissingAttributeFallsBackToItsDefaultOrNothing() {
        Template template = Template.parse("Hi {{ user.first_name | default: 'there' }}{{ user.custom.plan }}");

        assertEquals("Hi there", template.render(Map.of(), Locale.ENGLISH, false));
    }

    @Test
    void formatsDatesInTheUsersLocale() {
        Template template = Template.parse("{{ user.signup_date | date: \"long\" }} / {{ user.last_seen | date: 'iso' }}");

        assertEquals("3 mars 2026 / 2026-11-23", template.render(
                Map.of("signup_date", "2026-03-03", "last_seen", "2026-11-23T10:15:30Z"), Locale.FRENCH, false));
    }

    @Test
    void escapesPrintedValuesForHtmlOnly() {
        Template template = Template.parse("<b>{{ user.first_name }}</b>");
        Map<String, String> profile = Map.of("first_name", "<script>x</script>");

        assertEquals("<b>&lt;script&gt;x&lt;/script&gt;</b>", template.render(profile, Locale.ENGLISH, true));
        assertEquals("<b><script>x</script></b>", template.render(profile, Locale.ENGLISH, false));
    }

    @Test
    void refusesWhatIsNotInTheLanguage() {
        assertRefused("{{ user.password }}", "unknown attribute user.password");
        assertRefused("{{ account.balance }}", "is not a profile attribute");
        assertRefused("{{ user.first_name | shell: 'rm' }}", "unknown filter shell");
        assertRefused("{% include 'secrets' %}", "tags");
        assertRefused("{{{ user.first_name }}}", "raw output");
        assertRefused("{{ user.first_name ", "never closed");
        assertRefused("oops }}", "without an opening");
        assertRefused("{{ user.first_name | default }}", "needs a quoted argument");
        assertRefused("{{ user.first_name | upper: 'x' }}", "takes no argument");
        assertRefused("{{ user.signup_date | date: 'yyyy' }}", "date format");
        assertRefused("{{ user.first_name.getClass() }}", "is not a profile attribute");
    }

    @Test
    void plainTextHasNoPlaceholders() {
        assertTrue(Template.hasPlaceholders("Hi {{ user.id }}"));
        assertEquals("Plain", Template.parse("Plain").render(null, Locale.ENGLISH, false));
    }

    private static void assertRefused(String text, String reason) {
        TemplateException e = assertThrows(TemplateException.class, () -> Template.parse(text), text);
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }
}
