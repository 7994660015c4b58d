package dev.marquee.segment.segment.rule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.segment.error.FieldProblem;
import dev.marquee.segment.error.InvalidFields;

class RuleParserTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void eachMalformedConditionIsNamedByItsPath() {
        assertField("{\"and\":[{\"attribute\":\"tier\",\"op\":\"like\",\"value\":\"g\"}]}", "rules.and[0].op");
        assertField("{\"attribute\":\"age\",\"op\":\"gt\",\"value\":\"thirty\"}", "rules.value");
        assertField("{\"attribute\":\"tier\",\"op\":\"in\",\"value\":\"gold\"}", "rules.value");
        assertField("{\"attribute\":\"tier\",\"op\":\"in\",\"value\":[]}", "rules.value");
        assertField("{\"attribute\":\"tier\",\"op\":\"in\",\"value\":[{\"a\":1}]}", "rules.value");
        assertField("{\"attribute\":\"tier\",\"op\":\"contains\",\"value\":3}", "rules.value");
        assertField("{\"attribute\":\"tier\",\"op\":\"eq\",\"value\":[1]}", "rules.value");
        assertField("{\"attribute\":\"tier\",\"op\":\"eq\"}", "rules.value");
        assertField("{\"attribute\":\"tier\",\"op\":\"exists\",\"value\":true}", "rules.value");
        assertField("{\"attribute\":\"v\",\"op\":\"version_gt\",\"value\":\"latest\"}", "rules.value");
        assertField("{\"attribute\":\"\",\"op\":\"exists\"}", "rules.attribute");
        assertField("{\"attribute\":\"tier\",\"op\":\"eq\",\"value\":\"g\",\"extra\":1}", "rules.extra");
        assertField("{\"or\":[]}", "rules.or");
        assertField("{\"not\":[]}", "rules.not");
        assertField("{\"color\":\"red\"}", "rules");
        assertField("\"tier = gold\"", "rules");
    }

    @Test
    void behaviouralConditionsAreChecked() {
        assertField("{\"event\":\"purchase\",\"times\":3,\"withinDays\":91}", "rules.withinDays");
        assertField("{\"event\":\"purchase\",\"times\":3}", "rules.withinDays");
        assertField("{\"event\":\"purchase\",\"times\":-1,\"withinDays\":3}", "rules.times");
        assertField("{\"event\":\"purchase\",\"count\":\"more\",\"withinDays\":3}", "rules.count");
        assertField("{\"event\":\"purchase\",\"withinDays\":3,\"where\":[{\"property\":\"amount\",\"op\":\"gt\"}]}",
                "rules.where[0].value");
        assertField("{\"event\":\"a#b\",\"withinDays\":3}", "rules.event");
        assertField("{\"lastSeen\":\"after\",\"days\":3}", "rules.lastSeen");
        assertField("{\"firstSeen\":\"before\",\"days\":0}", "rules.days");
    }

    @Test
    void depthAndSizeAreLimited() {
        String deep = "{\"attribute\":\"a\",\"op\":\"exists\"}";
        for (int i = 0; i < 10; i++) {
            deep = "{\"not\":" + deep + "}";
        }
        assertField(deep, "rules.not.not.not.not.not.not.not.not.not.not");
        StringBuilder many = new StringBuilder("{\"or\":[");
        for (int i = 0; i < 101; i++) {
            many.append(i == 0 ? "" : ",").append("{\"attribute\":\"a").append(i).append("\",\"op\":\"exists\"}");
        }
        assertField(many.append("]}").toString(), "rules");
    }

    @Test
    void filteredConditionsShareACounterWhenTheyAskTheSame() {
        Rule.EventCondition a = (Rule.EventCondition) parse(
                "{\"event\":\"purchase\",\"where\":[{\"property\":\"amount\",\"op\":\"gte\",\"value\":10}],\"withinDays\":3}");
        Rule.EventCondition b = (Rule.EventCondition) parse(
                "{\"event\":\"purchase\",\"where\":[{\"property\":\"amount\",\"op\":\"gte\",\"value\":10}],\"withinDays\":30,\"times\":2}");
        Rule.EventCondition plain = (Rule.EventCondition) parse("{\"event\":\"purchase\",\"withinDays\":3}");
        assertEquals(a.counterField(), b.counterField());
        assertTrue(a.counterField().startsWith("purchase#"));
        assertEquals("purchase", plain.counterField());
    }

    private static void assertField(String rules, String field) {
        InvalidFields e = assertThrows(InvalidFields.class, () -> parse(rules));
        List<String> fields = e.problems().stream().map(FieldProblem::field).toList();
        assertTrue(fields.contains(field), () -> "expected " + field + " in " + fields);
    }

    private static Rule parse(String rules) {
        try {
            JsonNode node = JSON.readTree(rules);
            return RuleParser.parse(node, "rules", 90);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
