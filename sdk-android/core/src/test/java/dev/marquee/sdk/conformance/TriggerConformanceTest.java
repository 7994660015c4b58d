package dev.marquee.sdk.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.marquee.sdk.trigger.PropertyFilter;
import dev.marquee.sdk.trigger.TriggerMatcher;

class TriggerConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> triggerMatching() {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode c : Vectors.read("triggers.json").get("cases")) {
            JsonNode trigger = c.get("trigger");
            JsonNode fired = c.get("fired");
            List<PropertyFilter> filters = new ArrayList<>();
            if (trigger.has("filters")) {
                for (JsonNode f : trigger.get("filters")) {
                    List<Object> values = new ArrayList<>();
                    if (f.has("values")) {
                        f.get("values").forEach(v -> values.add(JSON.convertValue(v, Object.class)));
                    }
                    filters.add(new PropertyFilter(f.get("property").asText(), f.get("operator").asText(), values));
                }
            }
            Map<String, Object> properties = new LinkedHashMap<>();
            if (fired.has("properties")) {
                fired.get("properties").fields()
                        .forEachRemaining(p -> properties.put(p.getKey(), JSON.convertValue(p.getValue(), Object.class)));
            }
            tests.add(DynamicTest.dynamicTest(c.get("name").asText(), () -> assertEquals(c.get("matches").asBoolean(),
                    TriggerMatcher.matches(trigger.get("type").asText(), text(trigger, "name"), filters,
                            fired.get("type").asText(), text(fired, "name"), properties))));
        }
        return tests.stream();
    }

    private static String text(JsonNode node, String field) {
        return node.has(field) ? node.get(field).asText() : null;
    }
}
