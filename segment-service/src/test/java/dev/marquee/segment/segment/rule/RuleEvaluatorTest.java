package dev.marquee.segment.segment.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.contracts.user.AppVersion;
import dev.marquee.segment.profile.Profile;

class RuleEvaluatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-03-15T12:00:00Z");
    private static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZoneOffset.UTC);

    private final Profile gold = new Profile("u1",
            Map.of("tier", node("\"gold\""), "age", node("34"), "score", node("7.5"), "vip", node("true"),
                    "email", node("\"ana@example.com\""), "appVersion", node("\"2.10.1\"")),
            NOW.minus(Duration.ofDays(40)), NOW.minus(Duration.ofDays(8)),
            Map.of(TODAY, Map.of("purchase", 1L), TODAY.minusDays(10), Map.of("purchase", 2L),
                    TODAY.minusDays(45), Map.of("purchase", 5L)));

    @Test
    void equalityAndMembership() {
        assertTrue(matches("{\"attribute\":\"tier\",\"op\":\"eq\",\"value\":\"gold\"}"));
        assertFalse(matches("{\"attribute\":\"tier\",\"op\":\"eq\",\"value\":\"Gold\"}"));
        assertTrue(matches("{\"attribute\":\"age\",\"op\":\"eq\",\"value\":34.0}"));
        assertTrue(matches("{\"attribute\":\"vip\",\"op\":\"eq\",\"value\":true}"));
        assertFalse(matches("{\"attribute\":\"vip\",\"op\":\"eq\",\"value\":\"true\"}"));
        assertTrue(matches("{\"attribute\":\"tier\",\"op\":\"neq\",\"value\":\"silver\"}"));
        assertTrue(matches("{\"attribute\":\"missing\",\"op\":\"neq\",\"value\":\"silver\"}"));
        assertFalse(matches("{\"attribute\":\"missing\",\"op\":\"eq\",\"value\":\"silver\"}"));
        assertTrue(matches("{\"attribute\":\"tier\",\"op\":\"in\",\"value\":[\"silver\",\"gold\"]}"));
        assertFalse(matches("{\"attribute\":\"tier\",\"op\":\"in\",\"value\":[\"silver\"]}"));
    }

    @Test
    void numericComparisons() {
        assertTrue(matches("{\"attribute\":\"age\",\"op\":\"gt\",\"value\":33}"));
        assertFalse(matches("{\"attribute\":\"age\",\"op\":\"gt\",\"value\":34}"));
        assertTrue(matches("{\"attribute\":\"age\",\"op\":\"gte\",\"value\":34}"));
        assertTrue(matches("{\"attribute\":\"score\",\"op\":\"lt\",\"value\":7.6}"));
        assertFalse(matches("{\"attribute\":\"score\",\"op\":\"lt\",\"value\":7.5}"));
        assertTrue(matches("{\"attribute\":\"score\",\"op\":\"lte\",\"value\":7.5}"));
        // a string attribute is never greater than a number
        assertFalse(matches("{\"attribute\":\"tier\",\"op\":\"gt\",\"value\":1}"));
    }

    @Test
    void containsAndExists() {
        assertTrue(matches("{\"attribute\":\"email\",\"op\":\"contains\",\"value\":\"@example.\"}"));
        assertFalse(matches("{\"attribute\":\"email\",\"op\":\"contains\",\"value\":\"@other.\"}"));
        assertTrue(matches("{\"attribute\":\"email\",\"op\":\"exists\"}"));
        assertFalse(matches("{\"attribute\":\"phone\",\"op\":\"exists\"}"));
        assertTrue(matches("{\"not\":{\"attribute\":\"phone\",\"op\":\"exists\"}}"));
    }

    @Test
    void semanticVersions() {
        assertTrue(matches("{\"attribute\":\"appVersion\",\"op\":\"version_gt\",\"value\":\"2.9.9\"}"));
        assertTrue(matches("{\"attribute\":\"appVersion\",\"op\":\"version_gte\",\"value\":\"2.10\"}"));
        assertTrue(matches("{\"attribute\":\"appVersion\",\"op\":\"version_eq\",\"value\":\"2.10.1\"}"));
        assertTrue(matches("{\"attribute\":\"appVersion\",\"op\":\"version_lt\",\"value\":\"2.11.0-beta.1\"}"));
        assertFalse(matches("{\"attribute\":\"appVersion\",\"op\":\"version_lte\",\"value\":\"2.10.0\"}"));
        assertTrue(AppVersion.parse("2.0.0-beta.2").get().compareTo(AppVersion.parse("2.0.0-beta.10").get()) < 0);
        assertTrue(AppVersion.parse("2.0.0-rc.1").get().compareTo(AppVersion.parse("2.0.0").get()) < 0);
    }

    @Test
    void eventCountsInDayWindows() {
        // 1 today + 2 ten days ago within 30 days; the 5 of 45 days ago are outside
        assertTrue(matches("{\"event\":\"purchase\",\"count\":\"at_least\",\"times\":3,\"withinDays\":30}"));
        assertFalse(matches("{\"event\":\"purchase\",\"count\":\"at_least\",\"times\":4,\"withinDays\":30}"));
        assertTrue(matches("{\"event\":\"purchase\",\"count\":\"exactly\",\"times\":1,\"withinDays\":7}"));
        assertTrue(matches("{\"event\":\"purchase\",\"count\":\"at_most\",\"times\":1,\"withinDays\":10}"));
        assertFalse(matches("{\"event\":\"purchase\",\"count\":\"at_most\",\"times\":2,\"withinDays\":11}"));
        assertTrue(matches("{\"event\":\"refund\",\"count\":\"at_most\",\"times\":0,\"withinDays\":90}"));
        assertTrue(matches("{\"event\":\"purchase\",\"times\":8,\"withinDays\":90}"));
    }

    @Test
    void firstAndLastSeen() {
        assertTrue(matches("{\"lastSeen\":\"before\",\"days\":7}"));
        assertFalse(matches("{\"lastSeen\":\"within\",\"days\":7}"));
        assertTrue(matches("{\"lastSeen\":\"within\",\"days\":9}"));
        assertTrue(matches("{\"firstSeen\":\"before\",\"days\":30}"));
        assertFalse(matches("{\"firstSeen\":\"within\",\"days\":30}"));
    }

    @Test
    void andOrNotCombineAndTheExplanationShowsEveryCondition() {
        String rules = "{\"and\":[{\"attribute\":\"tier\",\"op\":\"eq\",\"value\":\"gold\"},"
                + "{\"or\":[{\"attribute\":\"country\",\"op\":\"eq\",\"value\":\"FR\"},{\"attribute\":\"age\",\"op\":\"gte\",\"value\":30}]},"
                + "{\"not\":{\"lastSeen\":\"within\",\"days\":7}}]}";
        RuleEvaluator.Evaluation evaluation = RuleEvaluator.explain(parse(rules), gold, NOW);
        assertTrue(evaluation.member());
        assertEquals(4, evaluation.conditions().size());
        assertEquals("rules.and[1].or[0]", evaluation.conditions().get(1).path());
        assertFalse(evaluation.conditions().get(1).result());
        assertEquals(null, evaluation.conditions().get(1).value());
        assertEquals("rules.and[2].not", evaluation.conditions().get(3).path());
        assertFalse(matches(
                "{\"or\":[{\"attribute\":\"tier\",\"op\":\"eq\",\"value\":\"x\"},{\"not\":{\"attribute\":\"tier\",\"op\":\"exists\"}}]}"));
    }

    @Test
    void theNextTimeDrivenChangeIsWhenAnAgeCrossesItsLimit() {
        Rule notSeenFor10Days = parse("{\"lastSeen\":\"before\",\"days\":10}");
        assertEquals(Optional.of(gold.lastSeen().plus(Duration.ofDays(10))),
                RuleEvaluator.nextChange(notSeenFor10Days, gold, NOW));
        assertFalse(RuleEvaluator.matches(notSeenFor10Days, gold, NOW));
        assertTrue(RuleEvaluator.matches(notSeenFor10Days, gold, NOW.plus(Duration.ofDays(2).plusSeconds(1))));
        Rule purchases = parse("{\"event\":\"purchase\",\"times\":1,\"withinDays\":3}");
        assertEquals(Optional.of(TODAY.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)),
                RuleEvaluator.nextChange(purchases, gold, NOW));
        assertEquals(Optional.empty(), RuleEvaluator.nextChange(parse("{\"attribute\":\"a\",\"op\":\"exists\"}"), gold, NOW));
    }

    private boolean matches(String rules) {
        return RuleEvaluator.matches(parse(rules), gold, NOW);
    }

    private static Rule parse(String rules) {
        return RuleParser.parse(node(rules), "rules", 90);
    }

    private static JsonNode node(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
