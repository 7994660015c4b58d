package dev.marquee.contracts.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

class StrictJsonTest {

    private final ObjectMapper json = StrictJson.apply(new ObjectMapper());

    enum Format {
        MODAL, BANNER
    }

    record Body(String name, Integer count, int limit, Boolean enabled, double share, Format format, List<String> tags,
            Map<String, Object> properties, JsonNode rules) {
    }

    @Test
    void valuesOfTheRightTypesAreRead() throws Exception {
        Body body = json.readValue("""
                {"name": "Shop", "count": 2, "limit": 3, "enabled": true, "share": 1, "format": "BANNER",
                 "tags": ["a"], "properties": {"n": 1, "s": "x", "l": ["y"]}}""", Body.class);
        assertEquals(new Body("Shop", 2, 3, true, 1.0, Format.BANNER, List.of("a"),
                Map.of("n", 1, "s", "x", "l", List.of("y")), null), body);
    }

    @Test
    void scalarsAreNotCoerced() {
        assertPath("name", "{\"name\": 123}");
        assertPath("name", "{\"name\": true}");
        assertPath("name", "{\"name\": 1.5}");
        assertPath("count", "{\"count\": \"2\"}");
        assertPath("count", "{\"count\": 1.5}");
        assertPath("limit", "{\"limit\": \"\"}");
        assertPath("enabled", "{\"enabled\": 1}");
        assertPath("enabled", "{\"enabled\": \"true\"}");
        assertPath("share", "{\"share\": \"0.5\"}");
        assertPath("format", "{\"format\": 0}");
        assertPath("tags[0]", "{\"tags\": [7]}");
    }

    @Test
    void textTheStoresCannotHoldIsRefusedWherever() {
        assertUnstorable("name", "{\"name\": \"a\\u0000b\"}", "NUL");
        assertUnstorable("name", "{\"name\": \"a\\ud800b\"}", "surrogate");
        assertUnstorable("name", "{\"name\": \"\\udc00\"}", "surrogate");
        assertUnstorable("tags[1]", "{\"tags\": [\"ok\", \"\\u0000\"]}", "NUL");
        assertUnstorable("properties.s", "{\"properties\": {\"s\": \"\\u0000\"}}", "NUL");
        // untyped lists do not add their index to the path
        assertUnstorable("properties.l", "{\"properties\": {\"l\": [\"\\u0000\"]}}", "NUL");
        assertUnstorable("properties", "{\"properties\": {\"a\\u0000\": 1}}", "NUL");
    }

    @Test
    void treesFollowTheSameRule() throws Exception {
        assertUnstorable("rules.and[1].value", "{\"rules\": {\"and\": [{}, {\"value\": \"\\u0000\"}]}}", "NUL");
        assertUnstorable("rules.and[0]", "{\"rules\": {\"and\": [{\"\\ud800\": 1}]}}", "surrogate");
        UnstorableTextException root = assertThrows(UnstorableTextException.class,
                () -> json.readTree("{\"events\": [{\"name\": \"\\u0000\"}]}"));
        assertEquals("events[0].name", path(root));
        assertEquals("ok", json.readValue("{\"rules\": {\"v\": \"ok\"}}", Body.class).rules().get("v").asText());
        assertTrue(json.readValue("{\"rules\": null}", Body.class).rules().isNull());
    }

    @Test
    void pairedSurrogatesAreText() throws Exception {
        assertEquals("a\uD83D\uDE00b", json.readValue("{\"name\": \"a\\ud83d\\ude00b\"}", Body.class).name());
        assertEquals(Map.of("k\uD83D\uDE00", "v"), json.readValue("{\"k\\ud83d\\ude00\": \"v\"}",
                new TypeReference<Map<String, String>>() {
                }));
    }

    @Test
    void storableTextNamesTheProblem() {
        assertTrue(StorableText.problem("plain \u00e9\t\n").isEmpty());
        assertTrue(StorableText.problem("\u0000").orElseThrow().contains("NUL"));
        assertTrue(StorableText.problem("x\uDBFF").orElseThrow().contains("surrogate"));
    }

    private void assertPath(String path, String body) {
        MismatchedInputException e = assertThrows(MismatchedInputException.class, () -> json.readValue(body, Body.class));
        assertEquals(path, path(e));
    }

    private void assertUnstorable(String path, String body, String reason) {
        UnstorableTextException e = assertThrows(UnstorableTextException.class, () -> json.readValue(body, Body.class));
        assertEquals(path, path(e));
        assertTrue(e.reason().contains(reason), e.reason());
    }

    private static String path(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
